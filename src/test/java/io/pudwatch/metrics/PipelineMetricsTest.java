package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventType;
import io.pudwatch.simulate.KernelBehaviour;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
    @Test
    void eventCountersReadTheCorrelatorsOwnCountsAtScrapeTime() {
        Pipeline pipeline = new Pipeline(CorrelatorConfig.defaults(), 0, incident -> {});
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false)) {
            metrics.bind(new PipelineMetrics(pipeline));

            new Simulator(SimulationConfig.defaults(KernelBehaviour.VULNERABLE), pipeline).run();

            long splits = pipeline.correlator().stats().events(EventType.PUD_SPLIT);
            assertThat(splits).isPositive();
            assertThat(metrics.scrape())
                    .contains("pudwatch_events_total{type=\"pud_split\"} " + (double) splits)
                    .contains(
                            "pudwatch_windows_opened_total "
                                    + (double) pipeline.correlator().stats().windowsOpened())
                    .contains("pudwatch_open_windows 0.0")
                    .contains("pudwatch_lost_events_total 0.0");
        }
    }
}
