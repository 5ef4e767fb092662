package io.pudwatch.probe;

import java.util.Locale;

/** Where a probe stands: planned and possible, attached, impossible here, or failed trying. */
public enum ProbeStatus {
    /** The kernel allows it; not attached (yet, or {@code check} without --selftest). */
    AVAILABLE,
    ATTACHED,
    /** This kernel cannot take it (the reason says what is missing). */
    UNAVAILABLE,
    /** It should have worked but loading or attaching failed (the reason has the errno). */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
