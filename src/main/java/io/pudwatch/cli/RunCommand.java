package io.pudwatch.cli;

import io.pudwatch.agent.EventSource;
import io.pudwatch.agent.ReplaySource;
import io.pudwatch.bcc.BpfException;
import io.pudwatch.doctor.ExposureWatch;
import io.pudwatch.doctor.HostExposure;
import io.pudwatch.http.ReadinessCheck.SourceKind;
import io.pudwatch.http.ServedAgent;
import io.pudwatch.incident.HostContext;
import io.pudwatch.metrics.DemoExposure;
import io.pudwatch.metrics.Exposure;
import io.pudwatch.metrics.KernelExposure;
import io.pudwatch.metrics.LiveSourceMetrics;
import io.pudwatch.metrics.ProbeStates;
import io.pudwatch.probe.LiveSource;
import io.pudwatch.probe.LiveSourceOptions;
import io.pudwatch.probe.LiveSourceStats;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
        header = "Run the agent: watch this host (or replay a trace) and serve metrics.",
        description = {
            "Watch this host (or replay a trace with --replay) and serve /metrics, /healthz and",
            "/readyz until stopped by SIGTERM or SIGINT. A replay keeps serving after its end."
        },
        footer = ExitCodes.HELP_TEXT)
final class RunCommand implements Callable<Integer> {
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
            paramLabel = "DIR",
            description = {
                "Where the agent keeps its incident log and its kernel header cache. Default:"
                        + " /var/lib/pudwatch; with --replay, a temporary directory removed"
                        + " at exit."
            })
    Path stateDir;

    @Option(
            names = "--ring-buffer-pages",
            defaultValue = "" + LiveSourceOptions.DEFAULT_RING_BUFFER_PAGES,
            paramLabel = "PAGES",
            description = {
                "Size of the kernel's event ring buffer in 4 KiB pages, a power of two.",
                "Default: ${DEFAULT-VALUE} (1 MiB)."
            })
    int ringBufferPages;

    @Option(
            names = "--bpf-program",
            paramLabel = "FILE",
            description = "Compile this BPF program instead of the one built into the jar.")
    Path bpfProgram;

    @Override
    public Integer call() throws Exception {
        if (replay != null) {
            return serveReplay();
        }
        return serveLive();
    }

    private Integer serveReplay() throws Exception {
        if (!Files.isReadable(replay)) {
            throw new CommandFailedException(replay + ": no such file, or it cannot be read");
        }
        ReplaySource source = new ReplaySource(replay, speed);
        HostContext host = new HostContext("replay of " + replay.getFileName(), null, null, null);
        return serveUntilSignalled(
                source,
                SourceKind.FINITE,
                ProbeStates.none(),
                DemoExposure.fromTraceHeader(source::header),
                stateDir == null
                        ? IncidentLogging.temporary(host)
                        : IncidentLogging.replayedInto(stateDir, host));
    }

    private Integer serveLive() throws Exception {
        Path dir = stateDir == null ? LiveSourceOptions.DEFAULT_STATE_DIR : stateDir;
        ExposureWatch exposure = ExposureWatch.start(Path.of("/"), ExposureWatch.DEFAULT_PERIOD);
        LiveSource source;
        try {
            source = openLiveSource(dir);
        } catch (CommandFailedException e) {
            exposure.close();
            throw e;
        }
        HostContext host = HostContext.of(hostName(), exposure.latest());
        ServedAgent.Extension incidents = IncidentLogging.in(dir, host);
        return serveUntilSignalled(
                source,
                SourceKind.LIVE,
                LiveProbeStates.of(source),
                () -> exposureOf(exposure.latest()),
                served -> {
                    served.metrics().bind(liveSourceMetrics(source.stats()));
                    AutoCloseable log = incidents.install(served);
                    return () -> {
                        exposure.close();
                        log.close();
                    };
                });
    }

    private LiveSource openLiveSource(Path dir) throws CommandFailedException {
        LiveSourceOptions options =
                LiveSourceOptions.defaults().withStateDir(dir).withRingBufferPages(ringBufferPages);
        if (bpfProgram != null) {
            options = options.withProgram(bpfProgram);
        }
        try {
            return LiveSource.open(options);
        } catch (IOException | BpfException e) {
            throw new CommandFailedException(
                    "the live probes could not be set up: "
                            + e.getMessage()
                            + ". 'pudwatch check' shows what this host allows; 'pudwatch doctor'"
                            + " what it lacks.",
                    e);
        }
    }

    private static LiveSourceMetrics liveSourceMetrics(LiveSourceStats stats) {
        return new LiveSourceMetrics(
                new LiveSourceMetrics.Readings(
                        stats::recordsRead,
                        stats::recordsDecoded,
                        stats::malformed,
                        stats::discarded,
                        stats::wakeups,
                        stats::batches,
                        stats::pudSplits,
                        stats::mapUpdateFailures));
    }

    private static KernelExposure exposureOf(HostExposure host) {
        return KernelExposure.of(host.kernelRelease(), host.verdict());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private Integer serveUntilSignalled(
            EventSource source,
            SourceKind kind,
            ProbeStates probes,
            Exposure exposure,
            ServedAgent.Extension extension)
            throws CommandFailedException, BadInputException {
        return Serving.untilSignalled(
                source, Serving.settings(kind, correlator, serve, probes, exposure), extension);
    }
}
