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

    private final String label = name().toLowerCase(Locale.ROOT);

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
        if (!release.atLeast(6, 12)) {
            return NOT_AFFECTED;
        }
        if (major == 6 && minor == 12) {
            return release.rc() == 0 && release.patch() >= 84 ? FIXED : VULNERABLE;
        }
        if (major == 6 && minor <= 17) {
            return VULNERABLE;
        }
        if (major == 6 && minor == 18) {
            return release.rc() == 0 && release.patch() >= 21 ? FIXED : VULNERABLE;
        }
        if (major == 6) {
            return UNKNOWN;
        }
        if (major == 7 && minor == 0 && release.rc() > 0) {
            return release.rc() >= 6 ? FIXED : VULNERABLE;
        }
        return FIXED;
    }
}
