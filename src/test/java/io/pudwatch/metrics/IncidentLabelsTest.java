package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.FaultSource;
import org.junit.jupiter.api.Test;

class IncidentLabelsTest {
    @Test
    void theKnownSourcesAreExactlyWhatTheProbesAndTheSimulatorProducePlusOther() {
        assertThat(IncidentLabels.SOURCES).containsExactly("vfio_pci", "nvgrace_gpu", "other");
    }

    @Test
    void everyFaultSourceHasItsOwnLabelValue() {
        for (FaultSource source : FaultSource.values()) {
            int index = IncidentLabels.sourceIndex(source.wireName());

            assertThat(IncidentLabels.SOURCES.get(index)).isEqualTo(source.wireName());
        }
    }

    @Test
    void theDashSpellingOfADriverIsNotASourceName() {
        assertThat(IncidentLabels.SOURCES.get(IncidentLabels.sourceIndex("vfio-pci")))
                .isEqualTo(IncidentLabels.OTHER);
    }
}
