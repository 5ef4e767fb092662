package io.pudwatch.bench;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Events per second of replay: decoding trace v1 text, reordering and correlating it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {
    static final int EVENTS = 300_000;

    private byte[] trace;

    @Setup
    public void setUp() {
        trace = BenchTraces.traceBytes(EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replay() throws Exception {
        long[] incidents = {0};
        Pipeline pipeline =
                new Pipeline(CorrelatorConfig.defaults(), 10_000_000L, i -> incidents[0]++);
        new TraceReader("bench", new ByteArrayInputStream(trace), false).readAll(pipeline);
        pipeline.end();
        return incidents[0];
    }
}
