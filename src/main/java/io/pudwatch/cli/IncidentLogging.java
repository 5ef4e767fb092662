package io.pudwatch.cli;

import io.pudwatch.http.ServedAgent;
import io.pudwatch.incident.HostContext;
import io.pudwatch.incident.IncidentRecorder;
import io.pudwatch.incident.IncidentsHttpHandler;
import io.pudwatch.incident.ProcessLookup;
import io.pudwatch.incident.ProcessReader;
import io.pudwatch.metrics.IncidentLogMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Puts the incident log on a served agent: timelines from every event, a record per incident under
 * the state directory, {@code /api/incidents}, and the log's own health as metrics.
 */
final class IncidentLogging {
    private IncidentLogging() {}

    /**
     * Keeps the live agent's incidents under {@code stateDir/incidents}, which survives restarts,
     * with the details {@code /proc} gives of the processes involved.
     */
    static ServedAgent.Extension in(Path stateDir, HostContext host) {
        return served ->
                install(
                        served,
                        stateDir.resolve("incidents"),
                        host,
                        new ProcessReader(Path.of("/proc")));
    }

    /**
     * Keeps a replayed trace's incidents under {@code stateDir/incidents} without process details:
     * the trace's pids are no processes of this host, and {@code /proc} would name unrelated ones.
     */
    static ServedAgent.Extension replayedInto(Path stateDir, HostContext host) {
        return served -> install(served, stateDir.resolve("incidents"), host, ProcessLookup.NONE);
    }

    /**
     * Keeps incidents in a temporary directory removed at exit: replay and demo serve {@code
     * /api/incidents} for triage without writing into the host's state. Their pids come from a
     * trace or the simulator, not from this host, so no process is looked up in {@code /proc}.
     */
    static ServedAgent.Extension temporary(HostContext host) {
        return served -> {
            Path dir = Files.createTempDirectory("pudwatch-incidents-");
            AutoCloseable recorder = install(served, dir, host, ProcessLookup.NONE);
            return () -> {
                recorder.close();
                deleteTree(dir);
            };
        };
    }

    private static AutoCloseable install(
            ServedAgent served, Path dir, HostContext host, ProcessLookup processes)
            throws IOException {
        IncidentRecorder recorder = IncidentRecorder.open(dir, host, processes);
        served.agent().addEventTap(recorder.tap());
        served.agent().addIncidentListener(recorder);
        served.server()
                .mount(
                        IncidentsHttpHandler.PATH,
                        new IncidentsHttpHandler(recorder.store(), Clock.systemUTC()));
        served.metrics()
                .bind(
                        new IncidentLogMetrics(
                                recorder::dropped,
                                recorder::writeFailures,
                                recorder::timelineEvictions));
        return recorder;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
