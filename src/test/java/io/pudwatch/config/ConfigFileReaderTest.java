package io.pudwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReaderTest {
    @TempDir Path dir;

    private static final ValueCheck DURATION =
            value -> {
                if (!value.matches("\\d+(ms|s)")) {
                    throw new IllegalArgumentException("'" + value + "' is not a duration.");
                }
            };

    private static final ValueCheck WHOLE_NUMBER =
            value -> {
                if (!value.matches("-?\\d+")) {
                    throw new IllegalArgumentException("'" + value + "' is not a whole number.");
                }
            };

    static ConfigSection schema() {
        ConfigSection replay =
                new ConfigSection(
                        "replay",
                        List.of(
                                ConfigKey.single("window-timeout", DURATION, "1s"),
                                ConfigKey.single("max-open-windows", WHOLE_NUMBER, "65536")),
                        List.of());
        ConfigSection run =
                new ConfigSection(
                        "run",
                        List.of(
                                ConfigKey.single("listen", ValueCheck.ANY, "0.0.0.0:9742"),
                                ConfigKey.single("window-timeout", DURATION, "1s"),
                                new ConfigKey("probe", ValueCheck.ANY, null, ",")),
                        List.of());
        return new ConfigSection(
                "",
                List.of(ConfigKey.single("log-format", ValueCheck.ANY, "text")),
                List.of(replay, run));
    }

    private ConfigFile read(String yaml) throws Exception {
        return new ConfigFileReader(schema()).read(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("pudwatch.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void keysOfSectionsAndTopLevelAreReadWithTheirLines() throws Exception {
        ConfigFile file =
                read("log-format: json\nrun:\n  listen: 127.0.0.1:9742\n  window-timeout: 2s\n");

        assertThat(file.size()).isEqualTo(3);
        assertThat(file.entry(List.of(), "log-format"))
                .get()
                .extracting(ConfigEntry::value)
                .isEqualTo("json");
        assertThat(file.entry(List.of("run"), "window-timeout"))
                .get()
                .satisfies(
                        e -> {
                            assertThat(e.value()).isEqualTo("2s");
                            assertThat(e.line()).isEqualTo(4);
                        });
        assertThat(file.entry(List.of("replay"), "window-timeout")).isEmpty();
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        assertThat(read("# only a comment\n").size()).isZero();
    }

    @Test
    void aMistypedKeyIsNamedWithItsLineAndTheClosestKnownKey() {
        assertThatThrownBy(() -> read("run:\n  listen: x\n  window-timout: 2s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        dir.resolve("pudwatch.yaml")
                                + ":3: run.window-timout: unknown key in section 'run'."
                                + " Did you mean 'window-timeout'?");
    }

    @Test
    void aKeyOfASubcommandWrittenAtTheTopIsToldWhereItBelongs() {
        assertThatThrownBy(() -> read("max-open-windows: 10\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":1: max-open-windows: unknown key.")
                .hasMessageContaining("It is a key of the section replay; move it there.");
    }

    @Test
    void anUnrelatedKeyListsTheKnownOnes() {
        assertThatThrownBy(() -> read("replay:\n  colour: blue\n"))
                .hasMessageEndingWith(
                        ":2: replay.colour: unknown key in section 'replay'."
                                + " Known keys: window-timeout, max-open-windows.");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsKeyAndLine() {
        assertThatThrownBy(() -> read("replay:\n  max-open-windows: lots\n"))
                .hasMessageEndingWith(":2: replay.max-open-windows: 'lots' is not a whole number.");
    }

    @Test
    void aBadDurationIsNamedWithItsKeyAndLine() {
        assertThatThrownBy(() -> read("run:\n\n  window-timeout: 5\n"))
                .hasMessageEndingWith(":3: run.window-timeout: '5' is not a duration.");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        assertThatThrownBy(() -> read("replay:\n  max-open-windows: x\nrun:\n  lissen: y\n"))
                .hasMessageContaining(":2: replay.max-open-windows:")
                .hasMessageContaining(
                        ":4: run.lissen: unknown key in section 'run'."
                                + " Did you mean 'listen'?");
    }

    @Test
    void aKeyWrittenTwiceIsRefused() {
        assertThatThrownBy(() -> read("run:\n  listen: a\n  listen: b\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":3: not valid YAML")
                .hasMessageContaining("listen");
    }

    @Test
    void aKeyWithoutValueIsRefused() {
        assertThatThrownBy(() -> read("run:\n  listen:\n"))
                .hasMessageEndingWith(":2: run.listen: has no value; give one or remove the key.");
    }

    @Test
    void aSectionWrittenAsAValueIsRefused() {
        assertThatThrownBy(() -> read("run: 1\n"))
                .hasMessageContaining(":1: run: is the section of the 'run' command");
    }

    @Test
    void aMappingWhereAValueBelongsIsRefused() {
        assertThatThrownBy(() -> read("run:\n  listen:\n    host: a\n"))
                .hasMessageEndingWith(":2: run.listen: takes a value, not a mapping.");
    }

    @Test
    void aListIsJoinedForAKeyThatTakesSeveralValuesAndRefusedElsewhere() throws Exception {
        ConfigFile file = read("run:\n  probe: [split, install]\n");
        assertThat(file.entry(List.of("run"), "probe").orElseThrow().value())
                .isEqualTo("split,install");

        assertThatThrownBy(() -> read("run:\n  listen: [a, b]\n"))
                .hasMessageEndingWith(":2: run.listen: takes one value, not a list.");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> read("- run\n- replay\n"))
                .hasMessageContaining(":1: the configuration must be a mapping of keys");
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> read("run:\n  listen: [a\n  window-timeout: 1s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("pudwatch.yaml") + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> new ConfigFileReader(schema()).read(missing))
                .hasMessage(missing + ": no such configuration file.");
    }
}
