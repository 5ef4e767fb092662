package io.pudwatch.logging;

/** How log lines are written on standard error. */
public enum LogFormat {
    /** One readable line per message, for a terminal or the journal. */
    TEXT,
    /** One JSON object per line, for log shippers (Vector, Fluent Bit, Promtail). */
    JSON
}
