package io.pudwatch.simulate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Delivers simulated events late by a random delay of up to a bound, as per-CPU buffers do, so that
 * the trace is out of order by at most that bound.
 */
final class DeliveryQueue {
    private final EventSink sink;
    private final long disorderNs;
    private final SplittableRandom random;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long seq;

    DeliveryQueue(EventSink sink, long disorderNs, SplittableRandom random) {
        this.sink = sink;
        this.disorderNs = disorderNs;
        this.random = random;
    }

    void add(TraceEvent event, long now) {
        if (disorderNs == 0) {
            sink.accept(event);
            return;
        }
        long due = event.ts + random.nextLong(disorderNs + 1);
        pending.add(new Pending(due, seq++, new TraceEvent().copyFrom(event)));
        while (!pending.isEmpty() && pending.peek().due <= now) {
            sink.accept(pending.poll().event);
        }
    }

    void flushAll() {
        while (!pending.isEmpty()) {
            sink.accept(pending.poll().event);
        }
    }

    private record Pending(long due, long seq, TraceEvent event) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int byDue = Long.compare(due, o.due);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }
}
