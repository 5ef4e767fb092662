package io.pudwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.doctor.KernelClass;
import io.pudwatch.incident.HostContext;
import io.pudwatch.incident.IncidentRecord;
import io.pudwatch.incident.ProcessInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTextTest {
    private static IncidentRecord crash(HostContext host, ProcessInfo walker, ProcessInfo vm) {
        Incident incident =
                new Incident(
                        0xffff88810a3c0000L,
                        0xffff88812d4e1ff8L,
                        0x7e8000000000L,
                        Outcome.CRASHED,
                        new Incident.Party(9000L, 9000L, "numastat", "numa_maps"),
                        new Incident.Party(4107L, 4114L, "qemu-system-x86", "vfio_pci"),
                        1_000,
                        2_200,
                        2_900,
                        1_200,
                        false);
        return new IncidentRecord(
                "01KG90JPS8E8E0NE",
                Instant.parse("2026-01-31T03:12:09Z"),
                incident,
                host,
                walker,
                vm,
                List.of());
    }

    @Test
    void aReplayedIncidentSaysItsProcessDetailsAreNotAvailable() {
        IncidentRecord r =
                crash(
                        new HostContext("replay of crash.jsonl", null, null, null),
                        ProcessInfo.notLookedUp(9000),
                        ProcessInfo.notLookedUp(4107));

        String text = TriageText.detail(r);

        assertThat(text)
                .contains("process details not available")
                .contains("Kernel not recorded (a replayed or simulated trace), host exposure")
                .doesNotContain("null")
                .doesNotContain("had exited when the incident was found");
    }

    @Test
    void theUpgradeAdviceNamesTheFirstFixedReleases() {
        IncidentRecord r =
                crash(
                        new HostContext("gpu-host-7", "6.18.5", "vulnerable", "exposed"),
                        ProcessInfo.gone(9000),
                        ProcessInfo.gone(4107));

        assertThat(IncidentStory.actions(r))
                .anySatisfy(
                        a ->
                                assertThat(a)
                                        .startsWith("Upgrade the kernel (6.18.5)")
                                        .contains(KernelClass.firstFixedReleases()));
    }
}
