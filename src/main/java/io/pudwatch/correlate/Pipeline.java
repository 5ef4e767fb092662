package io.pudwatch.correlate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;

/**
 * The reorder buffer and correlator wired together: what every source (a trace file, the simulator,
 * the live ring buffer) feeds.
 */
public final class Pipeline implements EventSink {
    private final Correlator correlator;
    private final ReorderBuffer reorder;

    public Pipeline(CorrelatorConfig config, long reorderWindowNs, IncidentListener listener) {
        this.correlator = new Correlator(config, listener);
        this.reorder = new ReorderBuffer(correlator, reorderWindowNs);
    }

    @Override
    public void accept(TraceEvent event) {
        reorder.accept(event);
    }

    @Override
    public void end() {
        reorder.end();
    }

    /**
     * Tells the pipeline that no event older than {@code now} can still arrive, so held events are
     * passed on and windows past their timeout close. For live sources that go quiet.
     */
    public void idleUntil(long now) {
        reorder.flushBefore(now);
        correlator.advanceTo(now - reorder.windowNs());
    }

    public Correlator correlator() {
        return correlator;
    }

    public ReorderBuffer reorderBuffer() {
        return reorder;
    }
}
