package io.pudwatch.probe;

/** Which exiting mms the kernel reports (settings[0] of the BPF program). */
public enum MmTracking {
    /** Only mms seen in PFNMAP walks, splits or installs: the agent's normal mode. */
    TRACKED(0),
    /** Every mm: for the selftest and for recording a whole host. */
    ALL(1),
    /** The mms released by one process (its tgid): for the selftest. */
    PROCESS(2);

    final long code;

    MmTracking(long code) {
        this.code = code;
    }
}
