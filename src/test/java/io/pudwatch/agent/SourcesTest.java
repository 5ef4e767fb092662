package io.pudwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.EventType;
import io.pudwatch.simulate.KernelBehaviour;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import io.pudwatch.trace.TraceWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @TempDir Path dir;

    @Test
    void aReplayDeliversEveryEventOfTheTraceAndExposesItsHeader() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        long written;
        try (OutputStream out = Files.newOutputStream(trace);
                TraceWriter writer = new TraceWriter(out, Map.of("kernel", "vulnerable"))) {
            written = new Simulator(small(1), writer).run();
        }
        ReplaySource replay = new ReplaySource(trace, Double.POSITIVE_INFINITY);
        List<EventType> seen = new ArrayList<>();

        boolean ended = replay.run(e -> seen.add(e.type), now -> {}, () -> false);

        assertThat(ended).isTrue();
        assertThat(seen).hasSize((int) written);
        assertThat(replay.header().path("kernel").asText()).isEqualTo("vulnerable");
    }

    @Test
    void aStopRequestEndsAReplayWithoutCallingItEnded() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        try (OutputStream out = Files.newOutputStream(trace);
                TraceWriter writer = new TraceWriter(out, Map.of())) {
            new Simulator(small(1), writer).run();
        }
        int[] delivered = {0};

        boolean ended =
                new ReplaySource(trace, Double.POSITIVE_INFINITY)
                        .run(e -> delivered[0]++, now -> {}, () -> delivered[0] >= 10);

        assertThat(ended).isFalse();
        assertThat(delivered[0]).isEqualTo(10);
    }

    @Test
    void simulatorRunsFollowEachOtherOnOneTimelineAndEndWithTheVmsExiting() throws Exception {
        SimulationConfig config = small(7);
        List<Long> timestamps = new ArrayList<>();
        List<EventType> types = new ArrayList<>();

        boolean ended =
                new SimulatorSource(config, Double.POSITIVE_INFINITY, 2)
                        .run(
                                e -> {
                                    timestamps.add(e.ts);
                                    types.add(e.type);
                                },
                                now -> {},
                                () -> false);

        assertThat(ended).isTrue();
        long end = Simulator.DEFAULT_START_TS + config.duration().toNanos();
        assertThat(timestamps).anyMatch(ts -> ts > end);
        assertThat(timestamps.get(timestamps.size() - 1)).isGreaterThan(end);
        assertThat(types.get(types.size() - 1)).isEqualTo(EventType.MM_EXIT);
        assertThat(types.stream().filter(t -> t == EventType.MM_EXIT).count())
                .isEqualTo(2L * config.vms());
    }

    private static SimulationConfig small(long seed) {
        SimulationConfig d = SimulationConfig.defaults(KernelBehaviour.VULNERABLE);
        return new SimulationConfig(
                seed,
                Duration.ofMillis(500),
                d.kernel(),
                2,
                8,
                2,
                20,
                100,
                d.recheckNs(),
                d.againNs(),
                d.sweepPudNs(),
                d.crashProbability(),
                0,
                0,
                0);
    }
}
