package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeNamesTest {
    @Test
    void everyCataloguedMetricAppearsUnderItsPrometheusName() {
        Pipeline pipeline = new Pipeline(CorrelatorConfig.defaults(), 0, incident -> {});
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), true)) {
            metrics.bind(new PipelineMetrics(pipeline))
                    .bind(new IncidentMetrics())
                    .bind(new ProbeMetrics(() -> List.of(new ProbeState("split", "kprobe", false))))
                    .bind(new KernelMetrics(Exposure.of(KernelExposure.fromRelease("6.18.3"))))
                    .bind(new ReadinessMetrics(() -> true));
            String text = metrics.scrape();
            System.out.println(text);
            assertThat(text)
                    .contains("pudwatch_events_total{type=\"pud_split\"} 0")
                    .contains("pudwatch_build_info{version=");
        }
    }
}
