package io.pudwatch.agent;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;

/**
 * Passes events on at the pace a {@link Pacer} sets, and aborts the producer with {@link Stopped}
 * when the agent asks the source to stop.
 */
final class PacedSink implements EventSink {
    /** Unwinds a producer (trace reader, simulator) that has no stop check of its own. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final EventSink downstream;
    private final Pacer pacer;
    private final EventSource.StopSignal stop;

    PacedSink(EventSink downstream, Pacer pacer, EventSource.StopSignal stop) {
        this.downstream = downstream;
        this.pacer = pacer;
        this.stop = stop;
    }

    @Override
    public void accept(TraceEvent event) {
        try {
            if (!pacer.awaitDue(event.ts, stop)) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        downstream.accept(event);
    }

    /** The end is the source's to announce, not the producer's. */
    @Override
    public void end() {}
}
