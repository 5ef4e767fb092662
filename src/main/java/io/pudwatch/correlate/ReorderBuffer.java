package io.pudwatch.correlate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;
import java.util.Arrays;

/**
 * Restores timestamp order to events that arrive out of order by at most a fixed window, as events
 * from several CPUs' ring-buffer reservations, or a merged trace, do.
 *
 * <p>An event is held until an event at least {@code window} nanoseconds newer has been seen, then
 * passed on in (timestamp, arrival) order, so that the downstream sink sees exactly what the sorted
 * input would give. An event older than one already passed on is late: it is counted and passed on
 * at once rather than dropped, since a late crash is still a crash.
 *
 * <p>Held events are copies in a pool that grows to the largest number held at once and is then
 * reused.
 */
public final class ReorderBuffer implements EventSink {
    private final EventSink downstream;
    private final long windowNs;

    // Events that arrive in order (the common case) queue in a FIFO ring, O(1) each; only those
    // that arrive behind the ring's newest go through the heap. Both are ordered by (ts, arrival).
    private TraceEvent[] ring = new TraceEvent[256];
    private long[] ringArrival = new long[256];
    private int ringHead;
    private int ringSize;
    private long ringNewestTs = Long.MIN_VALUE;

    private TraceEvent[] heap = new TraceEvent[256];
    private long[] arrival = new long[256];
    private int size;
    private TraceEvent[] pool = new TraceEvent[0];
    private int pooled;

    private long arrivals;
    private long newestTs = Long.MIN_VALUE;
    private long releasedTs = Long.MIN_VALUE;
    private long late;

    public ReorderBuffer(EventSink downstream, long windowNs) {
        if (windowNs < 0) {
            throw new IllegalArgumentException(
                    "The reorder window must not be negative, not " + windowNs + " ns.");
        }
        this.downstream = downstream;
        this.windowNs = windowNs;
    }

    public long windowNs() {
        return windowNs;
    }

    /** Events that arrived after newer ones had already been passed on. */
    public long lateEvents() {
        return late;
    }

    /** Events held now. */
    public int held() {
        return size + ringSize;
    }

    @Override
    public void accept(TraceEvent event) {
        if (event.ts < releasedTs) {
            late++;
            downstream.accept(event);
            return;
        }
        if (size == 0 && ringSize == 0 && windowNs == 0 && event.ts >= newestTs) {
            newestTs = event.ts;
            releasedTs = event.ts;
            downstream.accept(event);
            return;
        }
        push(event);
        if (event.ts > newestTs) {
            newestTs = event.ts;
        }
        releaseUpTo(newestTs - windowNs);
    }

    /** Passes on every event held, in order: the input has ended. */
    @Override
    public void end() {
        releaseUpTo(Long.MAX_VALUE);
        downstream.end();
    }

    /**
     * Passes on what a live source can no longer reorder: events older than {@code now - window}.
     */
    public void flushBefore(long now) {
        releaseUpTo(now - windowNs);
    }

    private void releaseUpTo(long limit) {
        while (true) {
            boolean fromRing;
            if (ringSize > 0 && size > 0) {
                TraceEvent r = ring[ringHead];
                fromRing = before(r.ts, ringArrival[ringHead], heap[0].ts, arrival[0]);
            } else if (ringSize > 0) {
                fromRing = true;
            } else if (size > 0) {
                fromRing = false;
            } else {
                return;
            }
            TraceEvent next = fromRing ? ring[ringHead] : heap[0];
            if (next.ts > limit) {
                return;
            }
            if (fromRing) {
                ring[ringHead] = null;
                ringHead = (ringHead + 1) & (ring.length - 1);
                ringSize--;
            } else {
                removeTop();
            }
            releasedTs = next.ts;
            downstream.accept(next);
            recycle(next);
        }
    }

    private void push(TraceEvent event) {
        TraceEvent copy = pooled > 0 ? pool[--pooled] : new TraceEvent();
        copy.copyFrom(event);
        long seq = arrivals++;
        if (event.ts >= ringNewestTs) {
            if (ringSize == ring.length) {
                growRing();
            }
            int tail = (ringHead + ringSize) & (ring.length - 1);
            ring[tail] = copy;
            ringArrival[tail] = seq;
            ringSize++;
            ringNewestTs = event.ts;
            return;
        }
        pushHeap(copy, seq);
    }

    private void growRing() {
        TraceEvent[] bigger = new TraceEvent[ring.length * 2];
        long[] biggerArrival = new long[ring.length * 2];
        for (int i = 0; i < ringSize; i++) {
            int from = (ringHead + i) & (ring.length - 1);
            bigger[i] = ring[from];
            biggerArrival[i] = ringArrival[from];
        }
        ring = bigger;
        ringArrival = biggerArrival;
        ringHead = 0;
    }

    private void pushHeap(TraceEvent copy, long seq) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            arrival = Arrays.copyOf(arrival, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(copy.ts, seq, heap[parent].ts, arrival[parent])) {
                break;
            }
            heap[i] = heap[parent];
            arrival[i] = arrival[parent];
            i = parent;
        }
        heap[i] = copy;
        arrival[i] = seq;
    }

    private void removeTop() {
        size--;
        TraceEvent last = heap[size];
        long lastSeq = arrival[size];
        heap[size] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size
                    && before(
                            heap[child + 1].ts,
                            arrival[child + 1],
                            heap[child].ts,
                            arrival[child])) {
                child++;
            }
            if (!before(heap[child].ts, arrival[child], last.ts, lastSeq)) {
                break;
            }
            heap[i] = heap[child];
            arrival[i] = arrival[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
            arrival[i] = lastSeq;
        }
    }

    private void recycle(TraceEvent event) {
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, Math.max(64, pooled * 2));
        }
        pool[pooled++] = event;
    }

    private static boolean before(long ts, long seq, long otherTs, long otherSeq) {
        return ts < otherTs || (ts == otherTs && seq < otherSeq);
    }
}
