package io.pudwatch.trace;

import io.pudwatch.event.TraceEvent;
import java.util.Arrays;

/**
 * The events decoded from one run of lines, held until they can be delivered in file order. Its
 * event objects are reused from run to run, so a long replay allocates them once.
 */
final class EventBatch {
    private TraceEvent[] events = new TraceEvent[1024];
    private int size;
    private TraceFormatException error;
    private TraceFormatException firstInvalid;
    private final ReadStats stats = new ReadStats();

    /**
     * An event to fill, still holding whatever it held last time: the decoders clear it before they
     * fill it. It becomes part of the batch on {@link #commit()}.
     */
    TraceEvent next() {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
        }
        TraceEvent e = events[size];
        if (e == null) {
            e = new TraceEvent();
            events[size] = e;
        }
        return e;
    }

    void commit() {
        size++;
    }

    void fail(TraceFormatException e) {
        error = e;
    }

    /** Keeps the first malformed line that was skipped. */
    void noteInvalid(TraceFormatException e) {
        if (firstInvalid == null) {
            firstInvalid = e;
        }
    }

    /** The first malformed line skipped, or {@code null}. */
    TraceFormatException firstInvalid() {
        return firstInvalid;
    }

    /** What the lines of this run held besides events: counted here, summed on delivery. */
    ReadStats stats() {
        return stats;
    }

    int size() {
        return size;
    }

    TraceEvent get(int i) {
        return events[i];
    }

    /** The malformed line that stopped decoding, or {@code null}. */
    TraceFormatException error() {
        return error;
    }

    void reset() {
        size = 0;
        error = null;
        firstInvalid = null;
        stats.clear();
    }
}
