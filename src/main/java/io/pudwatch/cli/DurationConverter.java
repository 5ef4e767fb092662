package io.pudwatch.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations such as {@code 10ms}, {@code 1s}, {@code 250us}, {@code 2m} or {@code 0}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + value
                            + "' is not a duration; write a whole number and a unit: "
                            + "ns, us, ms, s, m or h (10ms, 1s)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (n != 0) {
                throw new IllegalArgumentException(
                        "'" + value + "' needs a unit: ns, us, ms, s, m or h (10ms, 1s)");
            }
            return Duration.ZERO;
        }
        return switch (unit) {
            case "ns" -> Duration.ofNanos(n);
            case "us", "µs" -> Duration.ofNanos(n * 1_000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
