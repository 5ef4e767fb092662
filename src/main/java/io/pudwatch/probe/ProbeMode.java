package io.pudwatch.probe;

import java.util.Locale;

/** How a probe is attached, newest mechanism first; {@link #NONE} when it is not. */
public enum ProbeMode {
    FENTRY,
    FEXIT,
    KPROBE,
    KRETPROBE,
    TRACEPOINT,
    NONE;

    /** The label in reports and metrics: fentry, kprobe, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
