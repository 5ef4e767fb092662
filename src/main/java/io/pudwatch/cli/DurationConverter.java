package io.pudwatch.cli;

import io.pudwatch.report.Durations;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads durations such as {@code 10ms}, {@code 1s}, {@code 250us}, {@code 2m} or {@code 0}, in the
 * one form pudwatch takes everywhere ({@link Durations#parse}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
