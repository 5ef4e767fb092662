package io.pudwatch.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    /** Busy enough that reinstalls hit windows within a couple of simulated seconds. */
    private static SimulationConfig busy(KernelBehaviour kernel, long seed) {
        SimulationConfig d = SimulationConfig.defaults(kernel);
        return new SimulationConfig(
                seed,
                Duration.ofSeconds(3),
                kernel,
                3,
                32,
                3,
                20,
                2_000,
                d.recheckNs(),
                d.againNs(),
                d.sweepPudNs(),
                0.7,
                0,
                0,
                0.2);
    }

    private static SimulationConfig with(SimulationConfig c, double loss, long disorderNs) {
        return c.withDelivery(loss, disorderNs);
    }

    private static List<Incident> correlate(SimulationConfig config, long reorderNs) {
        List<Incident> incidents = new ArrayList<>();
        Pipeline pipeline = new Pipeline(CorrelatorConfig.defaults(), reorderNs, incidents::add);
        new Simulator(config, pipeline).run();
        return incidents;
    }

    private static Map<Outcome, Long> byOutcome(List<Incident> incidents) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        incidents.forEach(i -> counts.merge(i.outcome(), 1L, Long::sum));
        return counts;
    }

    @Test
    void fixedKernelRetriesAndNeverCrashesOrDescends() {
        for (long seed = 1; seed <= 5; seed++) {
            Map<Outcome, Long> counts = byOutcome(correlate(busy(KernelBehaviour.FIXED, seed), 0));

            assertThat(counts).doesNotContainKeys(Outcome.CRASHED, Outcome.DESCENDED);
            assertThat(counts.getOrDefault(Outcome.RETRIED, 0L)).isPositive();
        }
    }

    @Test
    void vulnerableKernelCrashesAndDescends() {
        List<Incident> incidents = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            incidents.addAll(correlate(busy(KernelBehaviour.VULNERABLE, seed), 0));
        }
        Map<Outcome, Long> counts = byOutcome(incidents);

        assertThat(counts.getOrDefault(Outcome.CRASHED, 0L)).isPositive();
        assertThat(counts.getOrDefault(Outcome.DESCENDED, 0L)).isPositive();
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        new Simulator(busy(KernelBehaviour.VULNERABLE, 9), e -> first.add(e.toString())).run();
        new Simulator(busy(KernelBehaviour.VULNERABLE, 9), e -> second.add(e.toString())).run();

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void disorderStaysWithinItsBoundAndTheReorderBufferUndoesIt() {
        long disorder = 50_000;
        SimulationConfig ordered = busy(KernelBehaviour.VULNERABLE, 4);
        long[] newest = {0};
        long[] worst = {0};
        new Simulator(
                        with(ordered, 0, disorder),
                        e -> {
                            worst[0] = Math.max(worst[0], newest[0] - e.ts);
                            newest[0] = Math.max(newest[0], e.ts);
                        })
                .run();

        assertThat(worst[0]).isPositive().isLessThanOrEqualTo(disorder);
        assertThat(correlate(with(ordered, 0, disorder), disorder))
                .isEqualTo(correlate(ordered, 0));
    }

    @Test
    void lossIsReportedAsLostEventsThatMakeWindowsUncertain() {
        List<TraceEvent> lost = new ArrayList<>();
        SimulationConfig lossy = with(busy(KernelBehaviour.VULNERABLE, 2), 0.05, 0);
        new Simulator(
                        lossy,
                        e -> {
                            if (e.type == EventType.LOST) {
                                lost.add(new TraceEvent().copyFrom(e));
                            }
                        })
                .run();

        assertThat(lost).isNotEmpty().allMatch(e -> e.count >= 1);
        assertThat(correlate(lossy, 0)).anyMatch(Incident::uncertain);
    }

    @Test
    void vmRestartsExitTheMmAndReuseItsAddress() {
        List<Long> exited = new ArrayList<>();
        List<Long> walked = new ArrayList<>();
        new Simulator(
                        busy(KernelBehaviour.FIXED, 3),
                        e -> {
                            if (e.type == EventType.MM_EXIT) {
                                exited.add(e.mm);
                            } else if (e.type == EventType.WALK_START && exited.contains(e.mm)) {
                                walked.add(e.mm);
                            }
                        })
                .run();

        assertThat(exited).isNotEmpty();
        assertThat(walked).as("walks of a reused mm address").isNotEmpty();
    }
}
