package io.pudwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir Path dir;

    private final ConfigSection schema = ConfigFileReaderTest.schema();
    private final ConfigKey windowTimeout =
            schema.section("run").orElseThrow().key("window-timeout").orElseThrow();
    private final ConfigKey logFormat = schema.key("log-format").orElseThrow();

    private Configuration load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("pudwatch.yaml");
        Files.writeString(file, yaml);
        return Configuration.load(ConfigLocation.choose(file.toString(), env, file), schema, env);
    }

    @Test
    void theFileSetsAKeyOfItsSectionAndSaysWhere() throws Exception {
        Configuration config = load("run:\n  window-timeout: 2s\n", Map.of());

        ConfigValue value = config.lookup(List.of("run"), windowTimeout).orElseThrow();
        assertThat(value.value()).isEqualTo("2s");
        assertThat(value.origin()).isEqualTo(Origin.FILE);
        assertThat(value.describeOrigin()).isEqualTo("file " + dir.resolve("pudwatch.yaml") + ":2");
    }

    @Test
    void theEnvironmentBeatsTheFile() throws Exception {
        Configuration config =
                load("run:\n  window-timeout: 2s\n", Map.of("PUDWATCH_WINDOW_TIMEOUT", "3s"));

        ConfigValue value = config.lookup(List.of("run"), windowTimeout).orElseThrow();
        assertThat(value.value()).isEqualTo("3s");
        assertThat(value.describeOrigin()).isEqualTo("env PUDWATCH_WINDOW_TIMEOUT");
    }

    @Test
    void aKeySetInAnotherSectionLeavesTheDefault() throws Exception {
        Configuration config = load("replay:\n  window-timeout: 2s\n", Map.of());

        assertThat(config.lookup(List.of("run"), windowTimeout)).isEmpty();
    }

    @Test
    void aTopLevelKeyReachesEverySubcommand() throws Exception {
        Configuration config = load("log-format: json\n", Map.of());

        assertThat(config.lookup(List.of("run"), logFormat))
                .map(ConfigValue::value)
                .isEqualTo(Optional.of("json"));
    }

    @Test
    void aWrongEnvironmentValueNamesTheVariable() throws Exception {
        Configuration config = load("", Map.of("PUDWATCH_WINDOW_TIMEOUT", "soon"));

        assertThatThrownBy(() -> config.lookup(List.of("run"), windowTimeout))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "environment variable PUDWATCH_WINDOW_TIMEOUT: 'soon' is not a duration.");
    }

    @Test
    void withoutFileOrEnvironmentNothingIsSet() throws Exception {
        assertThat(Configuration.none().lookup(List.of("run"), windowTimeout)).isEmpty();
    }
}
