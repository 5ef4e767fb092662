package io.pudwatch.doctor;

import java.util.Locale;

/** Whether this host can hit the pagewalk split/refault race. */
public enum Verdict {
    /** A vulnerable kernel and a VFIO device or mapping large enough for a PUD leaf. */
    EXPOSED,
    /** A fixed or older kernel, another architecture, or nothing that maps a PUD-sized BAR. */
    NOT_EXPOSED,
    /** VFIO is in use but the kernel could not be placed, or the host could not be read. */
    UNKNOWN;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in JSON and metric labels. */
    public String label() {
        return label;
    }
}
