package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.config.ConfigFileReader;
import io.pudwatch.config.ConfigKey;
import io.pudwatch.config.ConfigSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/config/pudwatch.yaml, installed as /etc/pudwatch/pudwatch.yaml, must not rot. */
class ShippedConfigFileTest {
    private static final Path SHIPPED = Path.of("deploy/config/pudwatch.yaml");

    /** A commented-out setting: '#run:' or '# listen: 0.0.0.0:9742'. */
    private static final Pattern SETTING = Pattern.compile("^#( *)([a-z][a-z0-9-]*):( (.*))?$");

    @TempDir Path dir;

    private final ConfigSection schema =
            ConfigurableOptions.schema(PudwatchCommand.newCommandLine().getCommandSpec());

    @Test
    void theShippedFileIsValidAsItIs() throws Exception {
        new ConfigFileReader(schema).read(SHIPPED);
    }

    @Test
    void everyCommentedSettingIsValidAndShowsTheBuiltInDefault() throws Exception {
        List<String> lines = Files.readAllLines(SHIPPED);
        List<String> uncommented = new ArrayList<>();
        List<String> wrongDefaults = new ArrayList<>();
        String section = null;
        for (String line : lines) {
            Matcher m = SETTING.matcher(line);
            if (!m.matches()) {
                uncommented.add(line);
                continue;
            }
            boolean topLevel = m.group(1).isEmpty();
            String name = m.group(2);
            uncommented.add(line.substring(1));
            if (topLevel) {
                // A global option (log-format) has a value on its line; a section has none.
                section = m.group(4) == null ? name : null;
                continue;
            }
            String shown = m.group(4);
            // A section or key no subcommand has is left to the reader, which names its line.
            ConfigKey key = schema.section(section).flatMap(s -> s.key(name)).orElse(null);
            if (key != null && key.defaultValue() != null && !key.defaultValue().equals(shown)) {
                wrongDefaults.add(
                        section
                                + "."
                                + name
                                + " shows "
                                + shown
                                + ", default is "
                                + key.defaultValue());
            }
        }

        Path file = Files.write(dir.resolve("uncommented.yaml"), uncommented);
        assertThat(new ConfigFileReader(schema).read(file).size()).isGreaterThan(0);
        assertThat(wrongDefaults).isEmpty();
    }
}
