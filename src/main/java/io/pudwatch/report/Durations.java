package io.pudwatch.report;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short human forms of nanosecond spans, for tables and timelines. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {}

    /**
     * Reads a span written as a whole number and a unit: {@code 500ms}, {@code 10m}, {@code 2h},
     * {@code 7d}, or {@code 0}: the form every option, configuration key and {@code ?since=} of
     * {@code /api/incidents} takes.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Duration parse(String value) {
        if (value.trim().equals("0")) {
            return Duration.ZERO;
        }
        if (value.trim().matches("\\d+")) {
            throw new IllegalArgumentException(
                    "'" + value + "' needs a unit: ns, us, ms, s, m, h or d (10ms, 1s).");
        }
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + value
                            + "' is not a duration; write a whole number and a unit: "
                            + "ns, us, ms, s, m, h or d (10m, 2h).");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us", "µs" -> Duration.ofNanos(n * 1_000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** {@code 812ns}, {@code 4.2µs}, {@code 13.0ms}, {@code 1.50s}. */
    public static String human(long ns) {
        long abs = Math.abs(ns);
        if (abs < 1_000) {
            return ns + "ns";
        }
        if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fµs", ns / 1e3);
        }
        if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", ns / 1e9);
    }
}
