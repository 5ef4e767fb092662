package io.pudwatch.correlate;

import io.pudwatch.event.EventType;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one correlator, written by its thread and readable from any other (metrics scrapes).
 * Writes are release stores, which on x86_64 cost the same as plain ones.
 */
public final class CorrelatorStats {
    private static final int OUTCOMES = Outcome.values().length;

    private final AtomicLongArray events = new AtomicLongArray(EventType.values().length);
    private final AtomicLongArray windowsClosed = new AtomicLongArray(OUTCOMES);
    private final AtomicLongArray incidents = new AtomicLongArray(OUTCOMES);
    // 0 opened, 1 hits, 2 evicted at the window cap, 3 threads forgotten, 4 uncertain,
    // 5 lost (sum of lost counts), 6 open windows, 7 tracked threads, 8 tracked mms
    private final AtomicLongArray other = new AtomicLongArray(9);

    void countEvent(EventType type) {
        bump(events, type.ordinal(), 1);
    }

    void countClosed(Outcome outcome, boolean incident) {
        bump(windowsClosed, outcome.ordinal(), 1);
        if (incident) {
            bump(incidents, outcome.ordinal(), 1);
        }
    }

    void countOpened() {
        bump(other, 0, 1);
    }

    void countHit() {
        bump(other, 1, 1);
    }

    void countEvicted() {
        bump(other, 2, 1);
    }

    void countThreadForgotten() {
        bump(other, 3, 1);
    }

    void countUncertain() {
        bump(other, 4, 1);
    }

    void countLost(long count) {
        bump(other, 5, count);
    }

    void setGauges(int openWindows, int threads, int mms) {
        other.lazySet(6, openWindows);
        other.lazySet(7, threads);
        other.lazySet(8, mms);
    }

    private static void bump(AtomicLongArray array, int index, long delta) {
        array.lazySet(index, array.get(index) + delta);
    }

    public long events(EventType type) {
        return events.get(type.ordinal());
    }

    public long totalEvents() {
        long sum = 0;
        for (int i = 0; i < events.length(); i++) {
            sum += events.get(i);
        }
        return sum;
    }

    /** Windows that closed with this outcome, incidents or not. */
    public long windowsClosed(Outcome outcome) {
        return windowsClosed.get(outcome.ordinal());
    }

    public long incidents(Outcome outcome) {
        return incidents.get(outcome.ordinal());
    }

    public long totalIncidents() {
        long sum = 0;
        for (int i = 0; i < OUTCOMES; i++) {
            sum += incidents.get(i);
        }
        return sum;
    }

    public long windowsOpened() {
        return other.get(0);
    }

    /** Installs that hit an open window (the first per window). */
    public long hits() {
        return other.get(1);
    }

    /** Windows closed early because the open window cap was reached. */
    public long windowsEvicted() {
        return other.get(2);
    }

    /** Walker threads forgotten because the thread cap was reached. */
    public long threadsForgotten() {
        return other.get(3);
    }

    /** Windows marked uncertain by a lost event. */
    public long uncertainWindows() {
        return other.get(4);
    }

    /** Events the kernel reported lost. */
    public long lostEvents() {
        return other.get(5);
    }

    public long openWindows() {
        return other.get(6);
    }

    public long trackedThreads() {
        return other.get(7);
    }

    /** Distinct mms with an open window. */
    public long trackedMms() {
        return other.get(8);
    }
}
