package io.pudwatch.agent;

import io.pudwatch.event.EventSink;
import java.util.function.LongConsumer;

/**
 * Wraps a source to remember when it last said it was idle, so that readiness can tell a quiet host
 * (idle ticks keep coming) from a stuck source (nothing at all). Events themselves are timed by the
 * {@link Agent}; only the rare idle calls are timed here.
 */
public final class HeartbeatSource implements EventSource {
    private final EventSource inner;
    private volatile long lastIdleNanos;

    public HeartbeatSource(EventSource inner) {
        this.inner = inner;
    }

    /** {@link System#nanoTime()} of the last idle call, or 0 before the first. */
    public long lastIdleNanos() {
        return lastIdleNanos;
    }

    public EventSource inner() {
        return inner;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) throws Exception {
        return inner.run(
                sink,
                now -> {
                    lastIdleNanos = System.nanoTime();
                    idle.accept(now);
                },
                stop);
    }

    @Override
    public void close() {
        inner.close();
    }
}
