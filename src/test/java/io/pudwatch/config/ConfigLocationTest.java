package io.pudwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocationTest {
    @TempDir Path dir;

    @Test
    void theFlagBeatsTheEnvironmentAndTheDefault() throws Exception {
        Path flag = Files.writeString(dir.resolve("flag.yaml"), "");
        Path env = Files.writeString(dir.resolve("env.yaml"), "");
        Path standard = Files.writeString(dir.resolve("standard.yaml"), "");

        ConfigLocation location =
                ConfigLocation.choose(
                        flag.toString(), Map.of("PUDWATCH_CONFIG", env.toString()), standard);

        assertThat(location.file()).contains(flag);
        assertThat(location.how()).isEqualTo("--config");
    }

    @Test
    void theEnvironmentBeatsTheDefault() throws Exception {
        Path env = Files.writeString(dir.resolve("env.yaml"), "");
        Path standard = Files.writeString(dir.resolve("standard.yaml"), "");

        ConfigLocation location =
                ConfigLocation.choose(null, Map.of("PUDWATCH_CONFIG", env.toString()), standard);

        assertThat(location.file()).contains(env);
        assertThat(location.how()).isEqualTo("PUDWATCH_CONFIG");
    }

    @Test
    void theDefaultFileAppliesOnlyWhenItExists() throws Exception {
        Path standard = dir.resolve("standard.yaml");
        assertThat(ConfigLocation.choose(null, Map.of(), standard).file()).isEmpty();

        Files.writeString(standard, "");
        assertThat(ConfigLocation.choose(null, Map.of(), standard).file()).contains(standard);
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> ConfigLocation.choose(missing.toString(), Map.of(), missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        missing
                                + ": no such configuration file (named by --config);"
                                + " correct the path, or create the file.");
        assertThatThrownBy(
                        () ->
                                ConfigLocation.choose(
                                        null,
                                        Map.of("PUDWATCH_CONFIG", missing.toString()),
                                        missing))
                .hasMessageContaining("(named by PUDWATCH_CONFIG)");
    }
}
