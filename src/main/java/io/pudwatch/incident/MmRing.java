package io.pudwatch.incident;

import io.pudwatch.event.TraceEvent;

/** The last events of one mm, in arrival order, in preallocated slots reused as they wrap. */
final class MmRing {
    final TraceEvent[] slots;
    long mm;
    int next;
    int size;
    MmRing older;
    MmRing newer;

    MmRing(int capacity) {
        slots = new TraceEvent[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new TraceEvent();
        }
    }

    void add(TraceEvent e) {
        slots[next].copyFrom(e);
        next = (next + 1) % slots.length;
        if (size < slots.length) {
            size++;
        }
    }

    /** The i-th oldest event held, for i in [0, size). */
    TraceEvent get(int i) {
        int oldest = size < slots.length ? 0 : next;
        return slots[(oldest + i) % slots.length];
    }

    void reset(long newMm) {
        mm = newMm;
        next = 0;
        size = 0;
        older = null;
        newer = null;
    }
}
