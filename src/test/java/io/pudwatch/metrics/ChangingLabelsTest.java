package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.pudwatch.doctor.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChangingLabelsTest {
    @Test
    void aProbeThatChangesModeIsExportedUnderItsNewModeOnly() {
        AtomicReference<List<ProbeState>> probes =
                new AtomicReference<>(List.of(new ProbeState("pud_split", "fentry", false)));
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false)) {
            metrics.bind(new ProbeMetrics(probes::get));
            assertThat(metrics.scrape())
                    .contains(
                            "pudwatch_probe_attached{mode=\"fentry\",probe=\"pud_split\","
                                    + "required=\"true\"} 0.0");

            probes.set(List.of(new ProbeState("pud_split", "kprobe", true)));

            assertThat(metrics.scrape())
                    .contains(
                            "pudwatch_probe_attached{mode=\"kprobe\",probe=\"pud_split\","
                                    + "required=\"true\"} 1.0")
                    .doesNotContain("mode=\"fentry\"");
        }
    }

    @Test
    void aRevisedExposureVerdictReplacesTheOldKernelInfo() {
        AtomicReference<KernelExposure> exposure = new AtomicReference<>(KernelExposure.unknown());
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false)) {
            metrics.bind(new KernelMetrics(exposure::get));
            assertThat(metrics.scrape())
                    .contains(
                            "pudwatch_kernel_info{exposure=\"unknown\",range=\"unknown\","
                                    + "release=\"unknown\"} 1")
                    .contains("pudwatch_kernel_vulnerable 0.0");

            exposure.set(KernelExposure.of("6.18.3-amd64", Verdict.EXPOSED));

            assertThat(metrics.scrape())
                    .contains(
                            "pudwatch_kernel_info{exposure=\"exposed\",range=\"vulnerable\","
                                    + "release=\"6.18.3-amd64\"} 1")
                    .doesNotContain("release=\"unknown\"")
                    .contains("pudwatch_kernel_vulnerable 1.0");
        }
    }

    @Test
    void buildInfoCarriesTheVersion() {
        try (PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false)) {
            assertThat(metrics.scrape())
                    .containsPattern("pudwatch_build_info\\{version=\"[^\"]+\"} 1");
        }
    }
}
