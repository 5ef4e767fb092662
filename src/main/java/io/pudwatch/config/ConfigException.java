package io.pudwatch.config;

/**
 * The configuration is wrong; the message names the file or environment variable, the key, the line
 * where there is one, what is wrong and how to fix it.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
