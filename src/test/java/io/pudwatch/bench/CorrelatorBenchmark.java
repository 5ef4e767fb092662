package io.pudwatch.bench;

import io.pudwatch.correlate.Correlator;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.event.TraceEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Events per second through one correlator on one thread, in the steady state: the same correlator
 * is fed the simulated trace again and again, each pass shifted later in time, so that its pools
 * and maps have reached their size and {@code -prof gc} shows what an event costs in allocation
 * (incidents allocate their record; nothing else should).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorrelatorBenchmark {
    static final int EVENTS = 1_000_000;

    private TraceEvent[] events;
    private Correlator correlator;
    private long span;
    private long incidents;

    @Setup
    public void setUp() {
        events = BenchTraces.events(EVENTS);
        span = events[EVENTS - 1].ts - events[0].ts + 10_000_000_000L;
        correlator = new Correlator(CorrelatorConfig.defaults(), incident -> incidents++);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long correlate() {
        Correlator c = correlator;
        long shift = span;
        for (TraceEvent e : events) {
            e.ts += shift;
            c.accept(e);
        }
        return incidents;
    }
}
