package io.pudwatch.agent;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.IncidentListener;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one event source into the correlation pipeline on a feeder thread of its own, and fans
 * events and incidents out to whoever watches: metrics, the incident store, a recorder.
 *
 * <p>Taps and listeners run on the feeder thread, in the order they were added, and must be quick:
 * they hold up the kernel's ring buffer. Everything readable from other threads ({@link #state()},
 * the pipeline's stats) is safe to read at any time.
 */
public final class Agent implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(Agent.class);

    private final EventSource source;
    private final Pipeline pipeline;
    private final List<EventSink> taps = new CopyOnWriteArrayList<>();
    private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile AgentState state = AgentState.STARTING;
    private volatile String failure;
    private volatile boolean stopRequested;
    // Written by the feeder thread alone, read by scrapes: release stores, which cost no fence on
    // x86_64, instead of volatile ones on every event.
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lastEventNanos = new AtomicLong();
    private Thread feeder;

    public Agent(EventSource source, CorrelatorConfig config, long reorderWindowNs) {
        this.source = source;
        this.pipeline = new Pipeline(config, reorderWindowNs, this::fanOutIncident);
    }

    /** Sees every event as the source delivers it, before reordering. */
    public void addEventTap(EventSink tap) {
        taps.add(tap);
    }

    public void addIncidentListener(IncidentListener listener) {
        listeners.add(listener);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public EventSource source() {
        return source;
    }

    public AgentState state() {
        return state;
    }

    /** Why the source failed, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** Events delivered so far. */
    public long events() {
        return events.get();
    }

    /** {@link System#nanoTime()} when the last event arrived, or 0 before the first. */
    public long lastEventNanos() {
        return lastEventNanos.get();
    }

    public synchronized void start() {
        if (feeder != null) {
            throw new IllegalStateException("The agent has already been started.");
        }
        feeder = new Thread(this::feed, "pudwatch-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Waits until the source has ended, failed or been stopped. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** Stops the source, waits for the feeder to return, and releases the source. */
    @Override
    public void close() {
        stopRequested = true;
        Thread thread;
        synchronized (this) {
            thread = feeder;
        }
        if (thread != null) {
            try {
                if (!finished.await(10, TimeUnit.SECONDS)) {
                    logger.warn(
                            "The event source ({}) did not stop within 10 s; releasing it anyway.",
                            source.describe());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
        if (state != AgentState.FAILED && state != AgentState.INPUT_ENDED) {
            state = AgentState.STOPPED;
        }
    }

    private void feed() {
        state = AgentState.RUNNING;
        EventSink sink = this::deliver;
        try {
            boolean ended = source.run(sink, pipeline::idleUntil, () -> stopRequested);
            pipeline.end();
            if (ended) {
                state = AgentState.INPUT_ENDED;
                logger.info(
                        "The input of {} ended after {} events.", source.describe(), events.get());
            } else {
                state = AgentState.STOPPED;
            }
        } catch (Exception | LinkageError e) {
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            state = AgentState.FAILED;
            logger.error("The event source ({}) failed: {}", source.describe(), failure, e);
        } finally {
            finished.countDown();
        }
    }

    private void deliver(TraceEvent event) {
        events.lazySet(events.get() + 1);
        lastEventNanos.lazySet(System.nanoTime());
        for (EventSink tap : taps) {
            tap.accept(event);
        }
        pipeline.accept(event);
    }

    private void fanOutIncident(Incident incident) {
        for (IncidentListener listener : listeners) {
            listener.onIncident(incident);
        }
    }
}
