package io.pudwatch.incident;

import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.time.Instant;
import java.util.List;

/** Incident records for store, log and handler tests. */
final class Records {
    static final HostContext HOST =
            new HostContext("gpu-host-7", "6.18.5", "vulnerable", "exposed");

    static Incident crash(long splitTs) {
        return new Incident(
                TimelineEvents.MM,
                TimelineEvents.PUDP,
                TimelineEvents.BASE,
                Outcome.CRASHED,
                new Incident.Party(9000L, 9000L, "numastat", "numa_maps"),
                new Incident.Party(4107L, 4114L, "qemu-system-x86", "vfio_pci"),
                splitTs,
                splitTs + 1_200,
                splitTs + 1_900,
                1_200,
                false);
    }

    static IncidentRecord record(long atMillis, long splitTs) {
        Incident incident = crash(splitTs);
        return new IncidentRecord(
                IncidentId.of(atMillis, HOST.host(), incident),
                Instant.ofEpochMilli(atMillis),
                incident,
                HOST,
                new ProcessInfo(9000, "numastat", "numastat -p qemu", "/user.slice", null, false),
                ProcessInfo.gone(4107),
                List.of(
                        new TimelineEvent(
                                splitTs,
                                EventType.PUD_SPLIT,
                                9000,
                                9000,
                                "numastat",
                                TimelineEvents.MM,
                                TimelineEvents.PUDP,
                                TimelineEvents.BASE,
                                TraceEvent.ABSENT,
                                null,
                                null)));
    }
}
