package io.pudwatch.event;

/** The text form of kernel addresses in traces, JSON output and logs. */
public final class Hex {
    private Hex() {}

    /** Formats an unsigned 64-bit value as {@code 0x} and lower-case hex digits. */
    public static String format(long value) {
        return "0x" + Long.toHexString(value);
    }
}
