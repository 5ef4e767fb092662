package io.pudwatch.doctor;

/** Byte counts in binary units, as BAR sizes are usually quoted. */
final class Sizes {
    private Sizes() {}

    /** {@code 64 GiB}, {@code 256 MiB}, {@code 1.5 GiB}, {@code 12 B}. */
    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        if (unit < units.length - 1 && value >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f %s", value / 1024.0, units[unit + 1]);
        }
        return value + " " + units[unit];
    }
}
