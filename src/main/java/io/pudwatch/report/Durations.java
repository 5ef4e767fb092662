package io.pudwatch.report;

import java.util.Locale;

/** Short human forms of nanosecond spans, for tables and timelines. */
public final class Durations {
    private Durations() {}

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
