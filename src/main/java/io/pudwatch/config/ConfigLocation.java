package io.pudwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which configuration file applies: the one named by {@code --config}, else the one named by {@code
 * PUDWATCH_CONFIG}, else {@code /etc/pudwatch/pudwatch.yaml} if it exists, else none.
 *
 * @param file the file to read, or empty when no file applies
 * @param how why this file, for {@code pudwatch config}: "--config", "PUDWATCH_CONFIG", ...
 */
public record ConfigLocation(Optional<Path> file, String how) {
    /** Where the Debian package and the container image put the configuration file. */
    public static final Path DEFAULT_FILE = Path.of("/etc/pudwatch/pudwatch.yaml");

    /**
     * @param fromFlag the value of {@code --config}, or null when it was not given
     * @throws ConfigException when a file named by the flag or the variable does not exist
     */
    public static ConfigLocation choose(String fromFlag, Map<String, String> env, Path defaultFile)
            throws ConfigException {
        if (fromFlag != null) {
            return new ConfigLocation(Optional.of(existing(fromFlag, "--config")), "--config");
        }
        String fromEnv = env.get(EnvironmentNames.CONFIG_FILE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ConfigLocation(
                    Optional.of(existing(fromEnv, EnvironmentNames.CONFIG_FILE)),
                    EnvironmentNames.CONFIG_FILE);
        }
        if (Files.isRegularFile(defaultFile)) {
            return new ConfigLocation(Optional.of(defaultFile), "default location");
        }
        return new ConfigLocation(
                Optional.empty(), "none: " + defaultFile + " does not exist and none was named");
    }

    private static Path existing(String name, String namedBy) throws ConfigException {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(
                    name
                            + ": no such configuration file (named by "
                            + namedBy
                            + "); correct the path, or create the file.");
        }
        return path;
    }
}
