package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's writer thread when building a record fails, and its process lookups. */
class IncidentRecorderFailureTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-31T03:12:09Z"), ZoneOffset.UTC);

    @TempDir Path stateDir;

    private IncidentRecorder recorder(ProcessLookup processes) throws Exception {
        return new IncidentRecorder(
                IncidentStore.open(stateDir), new MmEventRings(), processes, Records.HOST, CLOCK);
    }

    private List<IncidentRecord> reopened() throws Exception {
        try (IncidentStore store = IncidentStore.open(stateDir)) {
            return store.list(null);
        }
    }

    @Test
    void anErrorWhileBuildingOneRecordCostsThatIncidentAndNotTheWriter() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        IncidentRecorder recorder =
                recorder(
                        pid -> {
                            if (lookups.getAndIncrement() == 0) {
                                throw new NoClassDefFoundError("io/pudwatch/Missing");
                            }
                            return ProcessInfo.gone(pid);
                        });

        recorder.onIncident(Records.crash(1_000));
        recorder.onIncident(Records.crash(2_000));
        recorder.onIncident(Records.crash(3_000));
        recorder.close();

        assertThat(recorder.writeFailures()).isEqualTo(1);
        assertThat(reopened())
                .extracting(r -> r.incident().splitTs())
                .containsExactly(2_000L, 3_000L);
    }

    @Test
    void closeReturnsWhenAnErrorOfTheJvmEndedTheWriter() throws Exception {
        IncidentRecorder recorder =
                recorder(
                        pid -> {
                            throw new OutOfMemoryError("thrown by the test's process lookup");
                        });

        recorder.onIncident(Records.crash(1_000));
        recorder.onIncident(Records.crash(2_000));
        recorder.close();

        assertThat(recorder.writeFailures()).isEqualTo(1);
        recorder.onIncident(Records.crash(3_000));
        assertThat(recorder.dropped()).isEqualTo(1);
        assertThat(reopened()).isEmpty();
    }

    @Test
    void withoutProcessLookupsRecordsSayTheDetailsAreNotAvailable() throws Exception {
        IncidentRecorder recorder = recorder(ProcessLookup.NONE);

        recorder.onIncident(Records.crash(1_000));
        recorder.close();

        IncidentRecord record = reopened().get(0);
        assertThat(record.walkerProcess()).isEqualTo(ProcessInfo.notLookedUp(9000));
        assertThat(record.installerProcess()).isEqualTo(ProcessInfo.notLookedUp(4107));
        assertThat(IncidentRecordJson.toJson(record, false))
                .contains("\"pid\":9000,")
                .contains("\"gone\":false,\"looked_up\":false");
    }
}
