package io.pudwatch.metrics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an upstream kernel release stands towards the pagewalk / huge-PUD pfnmap race, judged from
 * its version number alone.
 *
 * <p>A distribution may backport the fix without changing the upstream number, so {@link
 * #VULNERABLE} means "the upstream release of this number is vulnerable", not a verdict on the
 * host; the host verdict is {@link ExposureVerdict}.
 */
public enum KernelRange {
    /** Huge pfnmaps arrived in v6.12 (f9e54c3a2f5b); earlier kernels cannot race. */
    UNAFFECTED,
    /** 6.12.0-6.12.83, 6.13-6.17, 6.18.0-6.18.20, 7.0-rc1..rc5. */
    VULNERABLE,
    /** 3b89863c3fa4 is in: 6.12.84+, 6.18.21+, 7.0-rc6 and later. */
    FIXED,
    /** 6.19.y (no backport verified) or a release string that does not parse. */
    UNKNOWN;

    private static final Pattern RELEASE =
            Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-rc(\\d+))?.*");

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used as a metric label. */
    public String label() {
        return label;
    }

    /**
     * Classifies a release as {@code uname -r} prints it: {@code 6.18.5-amd64}, {@code 7.0-rc5}.
     */
    public static KernelRange of(String release) {
        if (release == null) {
            return UNKNOWN;
        }
        Matcher m = RELEASE.matcher(release.trim());
        if (!m.matches()) {
            return UNKNOWN;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        Integer rc = m.group(4) == null ? null : Integer.parseInt(m.group(4));
        if (major < 6 || (major == 6 && minor < 12)) {
            return UNAFFECTED;
        }
        if (major == 6) {
            return sixSeries(minor, patch);
        }
        if (major == 7 && minor == 0 && rc != null) {
            // The fix was merged for v7.0-rc6.
            return rc <= 5 ? VULNERABLE : FIXED;
        }
        return FIXED;
    }

    private static KernelRange sixSeries(int minor, int patch) {
        if (minor == 12) {
            return patch <= 83 ? VULNERABLE : FIXED; // stable backport in 6.12.84
        }
        if (minor <= 17) {
            return VULNERABLE; // 6.13-6.17: end of life without a backport
        }
        if (minor == 18) {
            return patch <= 20 ? VULNERABLE : FIXED; // stable backport in 6.18.21
        }
        return UNKNOWN; // 6.19.y: not verified; 6.20 does not exist (7.0 followed 6.19)
    }
}
