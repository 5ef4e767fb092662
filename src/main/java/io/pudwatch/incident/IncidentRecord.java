package io.pudwatch.incident;

import io.pudwatch.correlate.Incident;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the person paged for it needs it: what the correlator found, the events around it,
 * who was involved, and on which kernel.
 *
 * @param id a short id, unique per host, that sorts by {@code recordedAt}
 * @param recordedAt the wall-clock time the incident was found (event timestamps are monotonic
 *     nanoseconds, which say nothing of the date)
 * @param walkerProcess the walker as {@code /proc} showed it, or {@code null} if unknown
 * @param installerProcess the installer as {@code /proc} showed it, or {@code null} if unknown
 * @param timeline the events around the incident, oldest first
 */
public record IncidentRecord(
        String id,
        Instant recordedAt,
        Incident incident,
        HostContext host,
        ProcessInfo walkerProcess,
        ProcessInfo installerProcess,
        List<TimelineEvent> timeline) {}
