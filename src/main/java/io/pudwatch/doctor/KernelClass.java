package io.pudwatch.doctor;

import java.util.Locale;

/** Where a kernel release stands against the pagewalk split/refault race. */
public enum KernelClass {
    /** Before v6.12: no huge pfnmap, so a VFIO BAR is never mapped by a PUD leaf. */
    NOT_AFFECTED,
    /** Has huge pfnmaps and lacks the fix. */
    VULNERABLE,
    /** Carries the fix upstream or in its stable series. */
    FIXED,
    /** Not verified either way, or the release could not be read. */
    UNKNOWN;

    // The first fixed release of each series the fix reached; of() and the descriptions below
    // both read these, so the ranges are written down once.
    private static final int FIRST_HUGE_PFNMAP_6_MINOR = 12;
    private static final int LAST_UNFIXED_6_MINOR = 17;
    private static final int FIXED_6_12_PATCH = 84;
    private static final int FIXED_6_18_PATCH = 21;
    private static final int FIXED_7_0_RC = 6;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The vulnerable releases, for people: {@code 6.12.0-6.12.83, 6.13-6.17, ...}. */
    public static String vulnerableReleases() {
        return "6.12.0-6.12."
                + (FIXED_6_12_PATCH - 1)
                + ", 6.13-6."
                + LAST_UNFIXED_6_MINOR
                + ", 6.18.0-6.18."
                + (FIXED_6_18_PATCH - 1)
                + ", 7.0-rc1..rc"
                + (FIXED_7_0_RC - 1);
    }

    /** The first release of each series that carries the fix: {@code 6.12.84, 6.18.21, ...}. */
    public static String firstFixedReleases() {
        return "6.12."
                + FIXED_6_12_PATCH
                + ", 6.18."
                + FIXED_6_18_PATCH
                + ", 7.0-rc"
                + FIXED_7_0_RC;
    }

    /** The lower-case name used in JSON and metric labels. */
    public String label() {
        return label;
    }

    /**
     * Classifies an upstream version.
     *
     * <p>Huge pfnmaps came with v6.12 (f9e54c3a2f5b, vfio-pci's huge fault handler). The fix,
     * "mm/pagewalk: fix race between concurrent split and refault" (3b89863c3fa4, CVE-2026-31456),
     * is in v7.0-rc6 and in the stable releases 6.18.21 and 6.12.84. No backport to 6.13-6.17 has
     * been seen, and those series are closed. 6.19.y has not been verified.
     */
    public static KernelClass of(KernelRelease release) {
        if (release == null) {
            return UNKNOWN;
        }
        int major = release.major();
        int minor = release.minor();
        if (!release.atLeast(6, FIRST_HUGE_PFNMAP_6_MINOR)) {
            return NOT_AFFECTED;
        }
        if (major == 6 && minor == 12) {
            return release.rc() == 0 && release.patch() >= FIXED_6_12_PATCH ? FIXED : VULNERABLE;
        }
        if (major == 6 && minor <= LAST_UNFIXED_6_MINOR) {
            return VULNERABLE;
        }
        if (major == 6 && minor == 18) {
            return release.rc() == 0 && release.patch() >= FIXED_6_18_PATCH ? FIXED : VULNERABLE;
        }
        if (major == 6) {
            return UNKNOWN;
        }
        if (major == 7 && minor == 0 && release.rc() > 0) {
            return release.rc() >= FIXED_7_0_RC ? FIXED : VULNERABLE;
        }
        return FIXED;
    }
}
