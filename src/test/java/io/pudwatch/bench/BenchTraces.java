package io.pudwatch.bench;

import io.pudwatch.event.TraceEvent;
import io.pudwatch.simulate.KernelBehaviour;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import io.pudwatch.trace.TraceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulated host the benchmarks replay: eight 64 GiB VMs and four busy readers. */
final class BenchTraces {
    private BenchTraces() {}

    static SimulationConfig host() {
        SimulationConfig d = SimulationConfig.defaults(KernelBehaviour.VULNERABLE);
        return new SimulationConfig(
                3,
                Duration.ofSeconds(300),
                KernelBehaviour.VULNERABLE,
                8,
                64,
                4,
                10,
                d.refaultRate(),
                d.recheckNs(),
                d.againNs(),
                d.sweepPudNs(),
                d.crashProbability(),
                0.0001,
                0,
                0.01);
    }

    /** The first {@code count} events of the simulated host, as objects. */
    static TraceEvent[] events(int count) {
        List<TraceEvent> events = new ArrayList<>(count);
        new Simulator(
                        host(),
                        e -> {
                            if (events.size() < count) {
                                events.add(new TraceEvent().copyFrom(e));
                            }
                        })
                .run();
        if (events.size() < count) {
            throw new IllegalStateException(
                    "The benchmark host gave only " + events.size() + " events.");
        }
        return events.toArray(new TraceEvent[0]);
    }

    /** The first {@code count} events of the simulated host, as trace v1 text. */
    static byte[] traceBytes(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 200);
        try (TraceWriter writer = new TraceWriter(out, Map.of("host", "bench"))) {
            for (TraceEvent e : events(count)) {
                writer.accept(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
