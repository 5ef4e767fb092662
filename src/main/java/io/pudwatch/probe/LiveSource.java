package io.pudwatch.probe;

import io.pudwatch.agent.EventSource;
import io.pudwatch.bcc.BccModule;
import io.pudwatch.bcc.BpfException;
import io.pudwatch.bcc.BpfMap;
import io.pudwatch.bcc.RingBufferMapping;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import io.pudwatch.kernel.KernelHeaders;
import io.pudwatch.kernel.PossibleCpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events from the running kernel: plans the probes, compiles and loads the BPF program, attaches
 * what the kernel allows, and reads the ring buffer straight from its mapping.
 *
 * <p>Every attachment is an fd (perf event or BPF link), so the kernel removes them when the
 * process exits, even by {@code kill -9}. Missing probes leave the source degraded, never failed:
 * {@link #report()} says what is attached and what detection is lost.
 */
public final class LiveSource implements EventSource {
    private static final Logger logger = LoggerFactory.getLogger(LiveSource.class);

    /** Up to 4096 records (288 KiB) per batch: a quarter of the default ring, then release. */
    private static final int BATCH = 4096;

    /**
     * After a partial batch the consumer lingers this long before draining again, so that a storm
     * is read in batches instead of one wakeup per record: each wakeup costs the traced CPU an
     * irq_work and a wake-up (~1.4 us). 1 ms of a storm fits the default ring many times over; a
     * quiet host still waits in epoll and sees each record at once.
     */
    private static final long LINGER_NS = 1_000_000L;

    /** Kernel counters (lost records, splits) are read at most this often. */
    private static final long COUNTER_PERIOD_NS = 250_000_000L;

    /**
     * How long {@link #close()} waits for a running {@link #run} to notice it and return, on top of
     * one poll timeout: a drain of one batch and a linger take a few milliseconds.
     */
    private static final long RUN_EXIT_MARGIN_NS = 2_000_000_000L;

    private final ProbeReport report;
    private final LiveSourceStats stats = new LiveSourceStats();
    private final LiveSourceOptions options;
    private BccModule module;
    private ProbeAttacher attacher;
    private RingBufferMapping mapping;
    private RingBufferReader reader;
    private BpfMap settings;
    private PerCpuCounter lost;
    private PerCpuCounter splits;
    private PerCpuCounter mapUpdateFailures;
    private RecordDecoder decoder;

    /** Guards {@link #running} and {@link #closing}; close() waits on it for run() to return. */
    private final Object lifecycle = new Object();

    private boolean running;
    private volatile boolean closing;

    private LiveSource(LiveSourceOptions options, ProbeReport report) {
        this.options = options;
        this.report = report;
    }

    /**
     * Sets everything up. Missing probes are reported, not thrown; what throws is what leaves no
     * source at all (no libbcc, the program does not compile, the ring buffer cannot be mapped),
     * after undoing what was set up.
     */
    public static LiveSource open(LiveSourceOptions options) throws IOException, BpfException {
        HostKernelFeatures host = HostKernelFeatures.detect();
        ProbeReport report = new ProbeReport(new ProbePlanner(host).plan(options.withSelftest()));
        LiveSource source = new LiveSource(options, report);
        try {
            source.setUp(host);
        } catch (IOException | BpfException | RuntimeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    private void setUp(HostKernelFeatures host) throws IOException, BpfException {
        String release = KernelHeaders.runningRelease();
        Path headers =
                KernelHeaders.sourceFor(release, Path.of("/usr/src"), options.stateDir())
                        .orElse(null);
        module =
                BccModule.compile(
                        ProgramText.load(options.program()),
                        ProgramText.cflags(host, options.ringBufferPages()),
                        headers);

        int cpus = PossibleCpus.count();
        settings = module.table("settings", 4, 8);
        setSetting(0, options.mmTracking().code);
        lost = new PerCpuCounter(module.table("lost_events", 4, 8 * cpus), cpus);
        splits = new PerCpuCounter(module.table("pud_splits_total", 4, 8 * cpus), cpus);
        mapUpdateFailures =
                new PerCpuCounter(module.table("map_update_failures", 4, 8 * cpus), cpus);
        mapping =
                RingBufferMapping.map(module.table("events", 4, 4).fd(), options.ringBufferPages());
        reader =
                new RingBufferReader(
                        mapping.consumerPage(),
                        mapping.producerAndData(),
                        mapping.dataOffset(),
                        mapping.dataSize());
        decoder = new RecordDecoder(new WalkerNames(host.kallsyms())::nameOf);

        attacher = new ProbeAttacher(module, report, host);
        attacher.attachAll();
        Verdict verdict = report.verdict();
        if (verdict != Verdict.COMPLETE) {
            logger.warn(
                    "Detection is {}: {}.",
                    verdict.label(),
                    String.join("; ", report.lostDetections()));
        }
    }

    /** Each probe's outcome; safe to read from any thread. */
    public ProbeReport report() {
        return report;
    }

    public LiveSourceStats stats() {
        return stats;
    }

    /** Reports the exiting mms of process {@code pid} (selftest), besides tracked ones. */
    public void trackProcess(long pid) throws BpfException {
        setSetting(1, pid);
        setSetting(0, MmTracking.PROCESS.code);
    }

    /** Makes the selftest storm probe report mmap_lock events of thread {@code tid}; 0 stops. */
    public void setStormThread(long tid) throws BpfException {
        setSetting(2, tid);
    }

    private void setSetting(int index, long value) throws BpfException {
        ByteBuffer key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(index);
        ByteBuffer val = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value);
        settings.update(key.array(), val.array());
    }

    @Override
    public String describe() {
        return "live probes (" + report.verdict().label() + ")";
    }

    /**
     * Reads the ring buffer until {@code stop} says so or {@link #close()} is called: the wait for
     * data lasts at most one poll timeout, so either is seen within that time.
     *
     * @throws IllegalStateException when the source is closed or already running
     */
    @Override
    public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) {
        synchronized (lifecycle) {
            if (closing || mapping == null) {
                throw new IllegalStateException("The live source is closed.");
            }
            if (running) {
                throw new IllegalStateException("The live source is already running.");
            }
            running = true;
        }
        try {
            return consume(sink, idle, () -> closing || stop.stopRequested());
        } finally {
            synchronized (lifecycle) {
                running = false;
                lifecycle.notifyAll();
            }
        }
    }

    private boolean consume(EventSink sink, LongConsumer idle, StopSignal stop) {
        TraceEvent event = new TraceEvent();
        RingBufferReader.RecordHandler handler =
                (data, offset, length) -> {
                    if (decoder.decode(data, offset, length, event)) {
                        sink.accept(event);
                    }
                };
        int timeoutMs = (int) Math.max(1, options.pollTimeout().toMillis());
        long nextCounters = 0;
        while (!stop.stopRequested()) {
            long malformedBefore = decoder.malformed();
            int n = reader.drain(handler, BATCH);
            if (n > 0) {
                long malformed = decoder.malformed();
                stats.addRecords(n);
                stats.countBatch();
                stats.setMalformed(malformed);
                stats.addDecoded(n - (malformed - malformedBefore));
                if (n < BATCH) {
                    LockSupport.parkNanos(LINGER_NS);
                }
            }
            long now = System.nanoTime();
            if (now >= nextCounters) {
                readCounters(sink, event, now);
                nextCounters = now + COUNTER_PERIOD_NS;
            }
            if (n == 0 && !reader.hasPending()) {
                if (mapping.awaitData(timeoutMs)) {
                    stats.countWakeup();
                } else {
                    idle.accept(System.nanoTime());
                }
            }
        }
        readCounters(sink, event, System.nanoTime());
        return false;
    }

    /** Lost records become lost events, one per CPU that lost some. */
    private void readCounters(EventSink sink, TraceEvent event, long now) {
        long[] deltas = lost.deltas();
        for (int cpu = 0; cpu < deltas.length; cpu++) {
            if (deltas[cpu] > 0) {
                event.clear();
                event.type = EventType.LOST;
                event.ts = now;
                event.cpu = cpu;
                event.count = deltas[cpu];
                stats.addLost(deltas[cpu]);
                sink.accept(event);
            }
        }
        stats.setSplits(splits.readTotal());
        stats.setMapUpdateFailures(mapUpdateFailures.readTotal());
        stats.setDiscarded(reader.discarded());
    }

    /**
     * Detaches every probe, stops {@link #run} and waits for it to return, then unmaps the ring
     * buffer and frees the module. Unmapping while run() reads the ring would pull the memory from
     * under its ByteBuffers, which kills the JVM with SIGSEGV: if run() does not return in time (a
     * sink that blocks), the mapping and the module are left to the process's exit instead.
     */
    @Override
    public void close() {
        if (attacher != null) {
            attacher.close();
            attacher = null;
        }
        if (!stopRunAndWait()) {
            logger.warn(
                    "The live source's reader did not stop within {} ms; its ring buffer stays"
                            + " mapped until the process exits rather than being unmapped under"
                            + " it.",
                    TimeUnit.NANOSECONDS.toMillis(runExitTimeoutNs()));
            return;
        }
        if (mapping != null) {
            mapping.close();
            mapping = null;
        }
        if (module != null) {
            module.close();
            module = null;
        }
    }

    /** Asks run() to stop; true once it is not running, false if it still ran at the deadline. */
    private boolean stopRunAndWait() {
        long deadline = System.nanoTime() + runExitTimeoutNs();
        synchronized (lifecycle) {
            closing = true;
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lifecycle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private long runExitTimeoutNs() {
        return options.pollTimeout().toNanos() + LINGER_NS + RUN_EXIT_MARGIN_NS;
    }
}
