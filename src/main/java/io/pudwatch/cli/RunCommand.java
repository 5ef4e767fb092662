package io.pudwatch.cli;

import io.pudwatch.agent.EventSource;
import io.pudwatch.agent.ReplaySource;
import io.pudwatch.http.ReadinessCheck.SourceKind;
import io.pudwatch.http.ServedAgent;
import io.pudwatch.metrics.DemoExposure;
import io.pudwatch.metrics.Exposure;
import io.pudwatch.metrics.KernelExposure;
import io.pudwatch.metrics.ProbeStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pudwatch run}: the agent. Watches this host through the live probes, or replays a trace
 * with {@code --replay}; either way serves metrics, health and readiness until SIGTERM or SIGINT.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Watch this host (or replay a trace with --replay) and serve /metrics, /healthz and",
            "/readyz until stopped by SIGTERM or SIGINT. A replay keeps serving after its end."
        },
        footer = ExitCodes.HELP_TEXT)
final class RunCommand implements Callable<Integer> {
    /**
     * A live source that delivered neither an event nor an idle tick for this long is not ready:
     * sources tick at least every few seconds on a quiet host, so a minute means it is stuck.
     */
    static final Duration LIVE_STALE_AFTER = Duration.ofMinutes(1);

    @Mixin ServeOptions serve;

    @Mixin CorrelatorOptions correlator;

    @Option(
            names = "--replay",
            paramLabel = "FILE",
            description = "Replay this trace (format v1) instead of attaching the probes.")
    Path replay;

    @Option(
            names = "--speed",
            defaultValue = "1",
            converter = SpeedConverter.class,
            paramLabel = "X|max",
            description = "Replay at X times real time, or max. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(
            names = "--state-dir",
            defaultValue = "/var/lib/pudwatch",
            paramLabel = "DIR",
            description = "Where the agent keeps its incident log. Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        if (replay != null) {
            return serveReplay();
        }
        EventSource source = liveSource();
        return serveUntilSignalled(source, SourceKind.LIVE, probesOf(source), liveExposure());
    }

    private Integer serveReplay() throws Exception {
        if (!Files.isReadable(replay)) {
            throw new CommandFailedException(replay + ": no such file, or it cannot be read");
        }
        ReplaySource source = new ReplaySource(replay, speed);
        return serveUntilSignalled(
                source,
                SourceKind.FINITE,
                probesOf(source),
                DemoExposure.fromTraceHeader(source::header));
    }

    /** The live probes. */
    EventSource liveSource() throws CommandFailedException {
        throw new CommandFailedException(
                "live probes are not built into this binary; use --replay FILE or"
                        + " 'pudwatch demo'");
    }

    /** A source that knows its probes reports them by implementing {@link ProbeStates}. */
    static ProbeStates probesOf(EventSource source) {
        return source instanceof ProbeStates probes ? probes : ProbeStates.none();
    }

    /** The running kernel's release judged by its number; the host check refines it. */
    static Exposure liveExposure() {
        return Exposure.of(KernelExposure.fromRelease(System.getProperty("os.version")));
    }

    private Integer serveUntilSignalled(
            EventSource source, SourceKind kind, ProbeStates probes, Exposure exposure)
            throws CommandFailedException, BadInputException {
        ServedAgent.Settings settings =
                new ServedAgent.Settings(
                        kind,
                        correlator.config(),
                        correlator.reorderWindowNs(),
                        probes,
                        exposure,
                        serve.settings(),
                        LIVE_STALE_AFTER);
        return Serving.untilSignalled(source, settings);
    }
}
