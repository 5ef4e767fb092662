package io.pudwatch.config;

import java.util.Objects;

/**
 * A key a configuration section accepts: the long name of a command-line option without its dashes,
 * the check its value must pass, and the annotation default of the option (null when it has none).
 *
 * @param listSeparator how the values of a YAML list join into one option value, or null when the
 *     key takes a single value only
 */
public record ConfigKey(String name, ValueCheck check, String defaultValue, String listSeparator) {
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
    }

    public static ConfigKey single(String name, ValueCheck check, String defaultValue) {
        return new ConfigKey(name, check, defaultValue, null);
    }

    /** The environment variable that sets this key: {@code PUDWATCH_WINDOW_TIMEOUT}. */
    public String environmentName() {
        return EnvironmentNames.of(name);
    }
}
