package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveSourceMetricsTest {
    @Test
    void eachLiveSourceCounterIsExportedUnderItsPrometheusName() {
        AtomicLong records = new AtomicLong(1200);
        LiveSourceMetrics.Readings readings =
                new LiveSourceMetrics.Readings(
                        records::get,
                        () -> 1190,
                        () -> 10,
                        () -> 3,
                        () -> 7,
                        () -> 9,
                        () -> 42,
                        () -> 2);
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false)) {
            metrics.bind(new LiveSourceMetrics(readings));
            records.set(1300);

            assertThat(metrics.scrape())
                    .contains("pudwatch_ring_records_total 1300.0")
                    .contains("pudwatch_ring_records_decoded_total 1190.0")
                    .contains("pudwatch_ring_records_malformed_total 10.0")
                    .contains("pudwatch_ring_records_discarded_total 3.0")
                    .contains("pudwatch_ring_wakeups_total 7.0")
                    .contains("pudwatch_ring_batches_total 9.0")
                    .contains("pudwatch_kernel_pud_splits_total 42.0")
                    .contains("pudwatch_bpf_map_update_failures_total 2.0");
        }
    }
}
