package io.pudwatch.probe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of a {@link LiveSource}, written by its thread (release stores) and readable from any
 * other.
 */
public final class LiveSourceStats {
    private static final int RECORDS = 0;
    private static final int DECODED = 1;
    private static final int LOST = 2;
    private static final int WAKEUPS = 3;
    private static final int BATCHES = 4;
    private static final int SPLITS = 5;
    private static final int MALFORMED = 6;
    private static final int MAP_UPDATE_FAILURES = 7;
    private static final int DISCARDED = 8;

    private final AtomicLongArray values = new AtomicLongArray(9);

    void addRecords(long n) {
        bump(RECORDS, n);
    }

    void addDecoded(long n) {
        bump(DECODED, n);
    }

    void addLost(long n) {
        bump(LOST, n);
    }

    void countWakeup() {
        bump(WAKEUPS, 1);
    }

    void countBatch() {
        bump(BATCHES, 1);
    }

    void setSplits(long total) {
        values.lazySet(SPLITS, total);
    }

    void setMalformed(long total) {
        values.lazySet(MALFORMED, total);
    }

    void setMapUpdateFailures(long total) {
        values.lazySet(MAP_UPDATE_FAILURES, total);
    }

    void setDiscarded(long total) {
        values.lazySet(DISCARDED, total);
    }

    private void bump(int index, long delta) {
        values.lazySet(index, values.get(index) + delta);
    }

    /** Records read from the ring buffer. */
    public long recordsRead() {
        return values.get(RECORDS);
    }

    /** Records decoded into events and delivered. */
    public long recordsDecoded() {
        return values.get(DECODED);
    }

    /** Records the kernel could not write because the ring buffer was full. */
    public long lost() {
        return values.get(LOST);
    }

    /** Times the consumer woke from a wait because data arrived. */
    public long wakeups() {
        return values.get(WAKEUPS);
    }

    /** Batches drained (each ends with one consumer position store). */
    public long batches() {
        return values.get(BATCHES);
    }

    /** __split_huge_pud calls the kernel made, in walks or not. */
    public long pudSplits() {
        return values.get(SPLITS);
    }

    /** Records refused by the decoder. */
    public long malformed() {
        return values.get(MALFORMED);
    }

    /** Updates of the BPF program's state maps the kernel refused: state the probes lost. */
    public long mapUpdateFailures() {
        return values.get(MAP_UPDATE_FAILURES);
    }

    /** Records the producer discarded instead of committing. */
    public long discarded() {
        return values.get(DISCARDED);
    }
}
