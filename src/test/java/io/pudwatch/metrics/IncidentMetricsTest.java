package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncidentMetricsTest {
    private final PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false);
    private final IncidentMetrics incidents = new IncidentMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void everyLabelCombinationIsExportedAtZeroBeforeTheFirstIncident() {
        metrics.bind(incidents);

        assertThat(metrics.scrape())
                .contains(
                        "pudwatch_incidents_total{outcome=\"crashed\",source=\"vfio_pci\","
                                + "walker=\"numa_maps\"} 0.0")
                .contains(
                        "pudwatch_incidents_total{outcome=\"retried\",source=\"other\","
                                + "walker=\"other\"} 0.0");
    }

    @Test
    void fourOutcomesThreeWalkersAndThreeSourcesMake36Series() {
        metrics.bind(incidents);

        long series =
                metrics.scrape()
                        .lines()
                        .filter(line -> line.startsWith("pudwatch_incidents_total{"))
                        .count();

        assertThat(series).isEqualTo(36);
    }

    @Test
    void anIncidentCountsUnderItsOutcomeWalkerAndSource() {
        metrics.bind(incidents);

        incidents.onIncident(incident(Outcome.CRASHED, "smaps", "vfio_pci", 1_500));

        assertThat(metrics.scrape())
                .contains(
                        "pudwatch_incidents_total{outcome=\"crashed\",source=\"vfio_pci\","
                                + "walker=\"smaps\"} 1.0");
    }

    @Test
    void walkerKindsAndSourcesOutsideTheKnownSetsAreCountedAsOther() {
        metrics.bind(incidents);

        incidents.onIncident(incident(Outcome.RETRIED, "pagemap-of-pid-4242", "0xffffffff81", 10));
        incidents.onIncident(incident(Outcome.RETRIED, null, null, 10));

        String text = metrics.scrape();
        assertThat(text)
                .contains(
                        "pudwatch_incidents_total{outcome=\"retried\",source=\"other\","
                                + "walker=\"other\"} 2.0")
                .doesNotContain("pagemap-of-pid")
                .doesNotContain("0xffffffff81");
    }

    @Test
    void theWindowLandsInTheBucketOfItsDuration() {
        metrics.bind(incidents);

        incidents.onIncident(incident(Outcome.DESCENDED, "numa_maps", "vfio_pci", 2_000));

        String text = metrics.scrape();
        assertThat(text)
                .contains("pudwatch_window_seconds_bucket{le=\"1.0E-6\"} 0")
                .contains("pudwatch_window_seconds_bucket{le=\"2.5E-6\"} 1")
                .contains("pudwatch_window_seconds_count 1");
    }

    @Test
    void theWindowMaximumDecaysWithTheRegistryClock() {
        MockClock clock = new MockClock();
        try (PudwatchMetrics clocked = new PudwatchMetrics(clock, false)) {
            IncidentMetrics bound = new IncidentMetrics();
            clocked.bind(bound);
            bound.onIncident(incident(Outcome.CRASHED, "numa_maps", "vfio_pci", 3_000));
            Timer window = clocked.registry().get("pudwatch.window").timer();
            assertThat(window.max(java.util.concurrent.TimeUnit.NANOSECONDS)).isEqualTo(3_000);

            // Micrometer keeps the maximum over a rolling window of three expiry periods (2 min).
            clock.add(java.time.Duration.ofMinutes(7));

            assertThat(window.max(java.util.concurrent.TimeUnit.NANOSECONDS)).isZero();
            assertThat(window.count()).isEqualTo(1);
        }
    }

    static Incident incident(Outcome outcome, String walker, String source, long windowNs) {
        return new Incident(
                0xffff88810a3c0000L,
                0xffff888120001000L,
                0x7e0000000000L,
                outcome,
                new Incident.Party(9000L, 9000L, "numastat", walker),
                new Incident.Party(4100L, 4107L, "qemu-system-x86", source),
                1_000_000_000_000L,
                1_000_000_000_000L + windowNs,
                1_000_000_000_000L + windowNs + 100,
                windowNs,
                false);
    }
}
