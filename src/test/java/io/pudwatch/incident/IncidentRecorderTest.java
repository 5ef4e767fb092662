package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.agent.Agent;
import io.pudwatch.agent.EventSource;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.simulate.KernelBehaviour;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder behind a real agent running the simulator of a vulnerable host. */
class IncidentRecorderTest {
    @TempDir Path stateDir;

    private static Path fixtureProc() throws URISyntaxException {
        return Path.of(IncidentRecorderTest.class.getResource("/hosts/exposed/proc").toURI());
    }

    /** The simulator as an agent's event source. */
    private record SimulatedHost(SimulationConfig config) implements EventSource {
        @Override
        public String describe() {
            return "simulator";
        }

        @Override
        public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) {
            new Simulator(config, sink).run();
            return true;
        }

        @Override
        public void close() {}
    }

    private List<IncidentRecord> recordSimulatedHost() throws Exception {
        // Seed 1 on a vulnerable kernel: 10 incidents in 10 simulated seconds, 4 of them crashes.
        SimulationConfig config = SimulationConfig.defaults(KernelBehaviour.VULNERABLE);
        Clock clock = Clock.fixed(Instant.parse("2026-01-31T03:12:09Z"), ZoneOffset.UTC);
        IncidentRecorder recorder =
                new IncidentRecorder(
                        IncidentStore.open(stateDir),
                        new MmEventRings(),
                        new ProcessReader(fixtureProc()),
                        Records.HOST,
                        clock);
        try (Agent agent =
                new Agent(new SimulatedHost(config), CorrelatorConfig.defaults(), 10_000_000)) {
            agent.addEventTap(recorder.tap());
            agent.addIncidentListener(recorder);
            agent.start();
            assertThat(agent.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
        }
        recorder.close();
        try (IncidentStore reopened = IncidentStore.open(stateDir)) {
            return reopened.list(null);
        }
    }

    @Test
    void everyCrashOfASimulatedVulnerableHostIsRecordedWithItsWholeStory() throws Exception {
        List<IncidentRecord> records = recordSimulatedHost();

        List<IncidentRecord> crashes =
                records.stream().filter(r -> r.incident().outcome() == Outcome.CRASHED).toList();
        assertThat(crashes).hasSize(4);
        assertThat(records).hasSize(10);
        for (IncidentRecord r : crashes) {
            assertThat(r.timeline())
                    .extracting(TimelineEvent::type)
                    .as("timeline of %s", r.id())
                    .contains(EventType.PUD_SPLIT, EventType.PUD_INSTALL, EventType.KERNEL_FAULT);
            assertThat(r.timeline()).extracting(TimelineEvent::ts).isSorted();
            assertThat(r.host()).isEqualTo(Records.HOST);
            assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-01-31T03:12:09Z"));
        }
        assertThat(records).extracting(IncidentRecord::id).doesNotHaveDuplicates();
    }
}
