package io.pudwatch.cli;

import io.pudwatch.logging.LogFormat;
import java.util.Locale;

/** Reads the value of {@code --log-format}. */
final class LogFormats {
    private LogFormats() {}

    static LogFormat parse(String value) {
        try {
            return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--log-format must be text or json, not '" + value + "'.", e);
        }
    }
}
