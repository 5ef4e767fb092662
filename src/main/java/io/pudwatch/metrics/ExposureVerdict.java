package io.pudwatch.metrics;

import java.util.Locale;

/** Whether a host can hit the race: the verdict of the host exposure check. */
public enum ExposureVerdict {
    EXPOSED,
    NOT_EXPOSED,
    UNKNOWN;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** {@code exposed}, {@code not_exposed} or {@code unknown}, as used in metric labels. */
    public String label() {
        return label;
    }

    /** The verdict with this label; anything else is {@link #UNKNOWN}. */
    public static ExposureVerdict ofLabel(String label) {
        for (ExposureVerdict verdict : values()) {
            if (verdict.label.equals(label)) {
                return verdict;
            }
        }
        return UNKNOWN;
    }

    /**
     * The best verdict a release number alone allows: a vulnerable range is taken as exposed, which
     * overstates hosts without VFIO huge pfnmaps; used when no host check is available.
     */
    public static ExposureVerdict fromRange(KernelRange range) {
        return switch (range) {
            case VULNERABLE -> EXPOSED;
            case FIXED, UNAFFECTED -> NOT_EXPOSED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
