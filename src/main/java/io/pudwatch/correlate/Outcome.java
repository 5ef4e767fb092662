package io.pudwatch.correlate;

import java.util.Locale;

/** How a split window closed. */
public enum Outcome {
    /** The walker took a kernel page fault while the window was open: the oops. */
    CRASHED,
    /** The walker visited a PMD range inside the split PUD: it walked into the leaf. */
    DESCENDED,
    /** The walker split the same PUD again: the fixed kernel's retry, or a near miss. */
    RETRIED,
    /** Anything else closed the window: a new walk, an exit, the timeout, the end of input. */
    UNRESOLVED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in traces, JSON and metric labels. */
    public String label() {
        return label;
    }

    /** The outcome with this label, or {@code null}. */
    public static Outcome ofLabel(String label) {
        for (Outcome outcome : values()) {
            if (outcome.label.equals(label)) {
                return outcome;
            }
        }
        return null;
    }
}
