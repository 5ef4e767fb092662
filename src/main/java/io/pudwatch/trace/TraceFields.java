package io.pudwatch.trace;

import io.pudwatch.event.EventType;

/**
 * The fields of a trace-v1 event, each with a bit for masks of the fields a line had, and which of
 * them each type requires ({@code docs/trace-format.md}). Both decoders, the byte-level fast path
 * and Jackson's, check lines against this one table.
 */
final class TraceFields {
    static final int TS = 0;
    static final int TYPE = 1;
    static final int PID = 2;
    static final int TID = 3;
    static final int CPU = 4;
    static final int COMM = 5;
    static final int MM = 6;
    static final int PUDP = 7;
    static final int ADDR = 8;
    static final int IP = 9;
    static final int PFN = 10;
    static final int COUNT = 11;
    static final int WALKER = 12;
    static final int SOURCE = 13;

    /** Field names by number, as they stand in a line. */
    static final String[] NAMES = {
        "ts", "type", "pid", "tid", "cpu", "comm", "mm", "pudp", "addr", "ip", "pfn", "count",
        "walker", "source"
    };

    private static final int[] REQUIRED = new int[EventType.values().length];

    static {
        for (EventType type : EventType.values()) {
            int need = bit(TS);
            if (type.hasThread()) {
                need |= bit(PID) | bit(TID);
            }
            need |=
                    switch (type) {
                        case WALK_START, WALK_END, MM_EXIT -> bit(MM);
                        case PUD_SPLIT, PUD_INSTALL -> bit(MM) | bit(PUDP) | bit(ADDR);
                        case PMD_ENTRY -> bit(MM) | bit(ADDR);
                        case KERNEL_FAULT -> bit(ADDR);
                        case LOST -> bit(COUNT);
                    };
            REQUIRED[type.ordinal()] = need;
        }
    }

    private TraceFields() {}

    static int bit(int field) {
        return 1 << field;
    }

    /** The mask of the fields a {@code type} event must have. */
    static int required(EventType type) {
        return REQUIRED[type.ordinal()];
    }

    /** The first required field, in field order, that {@code seen} lacks; -1 when none. */
    static int firstMissing(EventType type, int seen) {
        int missing = required(type) & ~seen;
        return missing == 0 ? -1 : Integer.numberOfTrailingZeros(missing);
    }
}
