package io.pudwatch.config;

import java.util.Locale;

/** Names of the environment variables that configure pudwatch. */
public final class EnvironmentNames {
    /** Names the configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE = "PUDWATCH_CONFIG";

    private static final String PREFIX = "PUDWATCH_";

    private EnvironmentNames() {}

    /** Whether {@code variable} may configure pudwatch: {@code PUDWATCH_CONFIG} or a key's. */
    public static boolean isPudwatchVariable(String variable) {
        return variable.startsWith(PREFIX);
    }

    /** {@code window-timeout} is set by {@code PUDWATCH_WINDOW_TIMEOUT}. */
    public static String of(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
