package io.pudwatch.incident;

import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.IncidentListener;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.Hex;
import io.pudwatch.logging.RepeatedFailureLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the correlator's incidents into {@link IncidentRecord}s: register {@link #tap()} as the
 * agent's event tap and this as its incident listener.
 *
 * <p>On the feeder thread it only copies the incident's timeline out of the rings and queues it:
 * the feeder holds up the kernel's ring buffer. A writer thread of its own then reads the two
 * processes (from {@code /proc} on a live host), gives the record its id, and hands it to the
 * store, which forces it to disk. When the queue is full (a storm of incidents faster than the
 * disk) an incident is dropped and counted; {@link #dropped()} is for a metric. An incident whose
 * record cannot be built is counted in {@link #writeFailures()}, and the writer goes on with the
 * next.
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

    // How long close() lets the writer store what is queued. Each record costs one fsync, a few
    // milliseconds on a healthy disk; a disk that takes longer than this for the queue is stuck,
    // and the agent's shutdown must not hang on it.
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final IncidentStore store;
    private final MmEventRings rings;
    private final ProcessLookup processes;
    private final HostContext host;
    private final Clock clock;
    private final BlockingQueue<Found> queue = new ArrayBlockingQueue<>(QUEUE);
    private final RepeatedFailureLog overflow = new RepeatedFailureLog(logger);
    private final RepeatedFailureLog recordFailures = new RepeatedFailureLog(logger);
    private final Object progress = new Object();
    private final Thread writer;
    private long queued;
    private long written;
    private boolean writerStopped;
    private volatile boolean closing;

    private record Found(Incident incident, List<TimelineEvent> timeline, long atMillis) {}

    public IncidentRecorder(
            IncidentStore store,
            MmEventRings rings,
            ProcessLookup processes,
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
        return open(stateDir, host, new ProcessReader(Path.of("/proc")));
    }

    /**
     * A recorder with default sizes that keeps its incidents in {@code stateDir} and learns about
     * processes from {@code processes}: {@link ProcessLookup#NONE} for a replayed or simulated
     * trace, whose pids are no processes of this host.
     *
     * @throws java.io.IOException when the state directory cannot be created or written
     */
    public static IncidentRecorder open(Path stateDir, HostContext host, ProcessLookup processes)
            throws IOException {
        return new IncidentRecorder(
                IncidentStore.open(stateDir),
                new MmEventRings(),
                processes,
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
            if (closing || writerStopped || !queue.offer(found)) {
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

    /**
     * Incidents that did not reach the state directory: the store could not write them (they are
     * still served from memory), or their record could not be built at all.
     */
    public long writeFailures() {
        return store.writeFailures() + recordFailures.failures();
    }

    /** Waits until every incident queued so far has been stored, or the writer has stopped. */
    public void awaitWritten() throws InterruptedException {
        synchronized (progress) {
            while (written < queued && !writerStopped) {
                progress.wait();
            }
        }
    }

    /**
     * Waits at most {@code timeout} until every incident queued so far has been stored.
     *
     * @return whether they all were; false when the time ran out or the writer stopped first
     */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written < queued && !writerStopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return written >= queued;
        }
    }

    /**
     * Stores what is queued, giving the writer a bounded time for it, stops the writer thread and
     * closes the store. Incidents still queued when the time runs out are lost, and a warning says
     * how many.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        synchronized (progress) {
            closing = true;
        }
        if (!awaitWritten(CLOSE_WAIT)) {
            long lost;
            synchronized (progress) {
                lost = queued - written;
            }
            logger.warn(
                    "{} incidents were not recorded because the incident writer did not finish"
                            + " within {} s of shutdown; check the disk of {}.",
                    lost,
                    CLOSE_WAIT.toSeconds(),
                    store.dir());
        }
        writer.interrupt();
        writer.join(CLOSE_WAIT.toMillis());
        store.close();
    }

    private void writeLoop() {
        try {
            while (true) {
                write(queue.take());
            }
        } catch (InterruptedException e) {
            // close() stops the writer this way once the queue is empty.
        } finally {
            // Also when an error of the JVM itself ends the thread: nobody waits for it then.
            synchronized (progress) {
                writerStopped = true;
                progress.notifyAll();
            }
        }
    }

    private void write(Found found) {
        try {
            store.add(toRecord(found));
            recordFailures.succeeded("Incidents can be recorded again");
        } catch (VirtualMachineError e) {
            // Out of memory or stack: the JVM is in trouble, and this thread will not fix it.
            recordFailed(found, e);
            throw e;
        } catch (Exception | Error e) {
            // Anything else (a bug in building the record, a class that failed to load) costs
            // this incident, not the writer: the next one may well be recorded.
            recordFailed(found, e);
        } finally {
            synchronized (progress) {
                written++;
                progress.notifyAll();
            }
        }
    }

    private void recordFailed(Found found, Throwable e) {
        recordFailures.failed(
                "An incident ({} of mm {}) will be missing from the incident log because its"
                        + " record could not be built: {}",
                found.incident().outcome().label(),
                Hex.format(found.incident().mm()),
                e.toString(),
                e);
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
