package io.pudwatch.incident;

import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.IncidentListener;
import io.pudwatch.event.EventSink;
import io.pudwatch.logging.RepeatedFailureLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the correlator's incidents into {@link IncidentRecord}s: register {@link #tap()} as the
 * agent's event tap and this as its incident listener.
 *
 * <p>On the feeder thread it only copies the incident's timeline out of the rings and queues it:
 * the feeder holds up the kernel's ring buffer. A writer thread of its own then reads the two
 * processes from {@code /proc}, gives the record its id, and hands it to the store, which forces it
 * to disk. When the queue is full (a storm of incidents faster than the disk) an incident is
 * dropped and counted; {@link #dropped()} is for a metric.
 */
public final class IncidentRecorder implements IncidentListener, AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(IncidentRecorder.class);

    /** Timeline events kept from before the split: a walk's start is microseconds earlier. */
    public static final long DEFAULT_BEFORE_NS = 10_000_000;

    /** Timeline events kept after the close, as far as they had arrived when it was found. */
    public static final long DEFAULT_AFTER_NS = 1_000_000;

    // 1,024 incidents waiting for the disk: far beyond what a real host produces between two
    // fsyncs, small enough (timelines of 256 events at most) to bound the heap.
    private static final int QUEUE = 1024;

    private final IncidentStore store;
    private final MmEventRings rings;
    private final ProcessReader processes;
    private final HostContext host;
    private final Clock clock;
    private final BlockingQueue<Found> queue = new ArrayBlockingQueue<>(QUEUE);
    private final RepeatedFailureLog overflow = new RepeatedFailureLog(logger);
    private final Object progress = new Object();
    private final Thread writer;
    private long queued;
    private long written;
    private volatile boolean closing;

    private record Found(Incident incident, List<TimelineEvent> timeline, long atMillis) {}

    public IncidentRecorder(
            IncidentStore store,
            MmEventRings rings,
            ProcessReader processes,
            HostContext host,
            Clock clock) {
        this.store = store;
        this.rings = rings;
        this.processes = processes;
        this.host = host;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "pudwatch-incidents");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * A recorder with default sizes that keeps its incidents in {@code stateDir} (reloading those
     * already there) and reads processes from {@code /proc}.
     *
     * @throws java.io.IOException when the state directory cannot be created or written
     */
    public static IncidentRecorder open(Path stateDir, HostContext host) throws IOException {
        return new IncidentRecorder(
                IncidentStore.open(stateDir),
                new MmEventRings(),
                new ProcessReader(Path.of("/proc")),
                host,
                Clock.systemUTC());
    }

    /** The event tap that keeps the timelines; add it to the agent before events flow. */
    public EventSink tap() {
        return rings;
    }

    /** Per-mm timelines evicted so far to make room for others. */
    public long timelineEvictions() {
        return rings.evictions();
    }

    public IncidentStore store() {
        return store;
    }

    @Override
    public void onIncident(Incident incident) {
        List<TimelineEvent> timeline =
                rings.timeline(incident, DEFAULT_BEFORE_NS, DEFAULT_AFTER_NS);
        Found found = new Found(incident, timeline, clock.millis());
        synchronized (progress) {
            if (closing || !queue.offer(found)) {
                overflow.failed(
                        "An incident was dropped because {} incidents wait to be written;"
                                + " the state directory's disk is too slow for this rate.",
                        QUEUE);
                return;
            }
            queued++;
        }
    }

    /** Incidents dropped because the writer could not keep up. */
    public long dropped() {
        return overflow.failures();
    }

    /** Waits until every incident queued so far has been stored. */
    public void awaitWritten() throws InterruptedException {
        synchronized (progress) {
            while (written < queued) {
                progress.wait();
            }
        }
    }

    /** Stores what is queued, stops the writer thread and closes the store. */
    @Override
    public void close() throws InterruptedException, IOException {
        synchronized (progress) {
            closing = true;
        }
        awaitWritten();
        writer.interrupt();
        writer.join();
        store.close();
    }

    private void writeLoop() {
        while (true) {
            Found found;
            try {
                found = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                store.add(toRecord(found));
            } catch (RuntimeException e) {
                logger.error("An incident could not be recorded: {}", e.toString(), e);
            }
            synchronized (progress) {
                written++;
                progress.notifyAll();
            }
        }
    }

    private IncidentRecord toRecord(Found found) {
        Incident incident = found.incident();
        return new IncidentRecord(
                IncidentId.of(found.atMillis(), host.host(), incident),
                Instant.ofEpochMilli(found.atMillis()),
                incident,
                host,
                process(incident.walker()),
                process(incident.installer()),
                found.timeline());
    }

    private ProcessInfo process(Incident.Party party) {
        return party.pid() == null ? null : processes.read(party.pid());
    }
}
