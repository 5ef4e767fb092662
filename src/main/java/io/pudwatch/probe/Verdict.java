package io.pudwatch.probe;

import java.util.Locale;

/** What the probes together can detect on this host. */
public enum Verdict {
    /** Every detection probe is attached (or available). */
    COMPLETE,
    /** Windows open, but some outcome or cause goes unseen. */
    DEGRADED,
    /** No window can open: nothing can be detected. */
    IMPOSSIBLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
