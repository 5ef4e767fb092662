package io.pudwatch.cli;

import io.pudwatch.agent.SimulatorSource;
import io.pudwatch.http.ReadinessCheck.SourceKind;
import io.pudwatch.http.ServedAgent;
import io.pudwatch.incident.HostContext;
import io.pudwatch.metrics.DemoExposure;
import io.pudwatch.metrics.Exposure;
import io.pudwatch.metrics.KernelExposure;
import io.pudwatch.metrics.ProbeStates;
import io.pudwatch.simulate.SimulationConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pudwatch demo}: the agent fed by the simulator without end, serving the same endpoints as
 * {@code pudwatch run}, for trying dashboards and alerts without a GPU host.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Serve metrics and incidents from a simulated hypervisor.",
        description = {
            "Serve /metrics, /healthz and /readyz from a simulated GPU hypervisor that runs",
            "until stopped by SIGTERM or SIGINT."
        },
        footer = ExitCodes.HELP_TEXT)
final class DemoCommand implements Callable<Integer> {
    @Mixin ServeOptions serve;

    @Mixin CorrelatorOptions correlator;

    @Mixin SimulatedHostOptions host;

    @Option(
            names = "--speed",
            defaultValue = "1",
            converter = SpeedConverter.class,
            paramLabel = "X|max",
            description = "Simulate at X times real time, or max. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Override
    public Integer call() throws Exception {
        SimulationConfig defaults = SimulationConfig.defaults(host.kernel);
        // One-minute runs: long enough that run boundaries are rare, short enough that the seed
        // changes now and then.
        SimulationConfig config = defaults.withSeed(host.seed).withDuration(Duration.ofMinutes(1));
        Exposure exposure = DemoExposure.simulated(host.kernel);
        ServedAgent.Settings settings =
                Serving.settings(
                        SourceKind.FINITE, correlator, serve, ProbeStates.none(), exposure);
        // The incidents name the same simulated kernel and verdict as the metrics.
        KernelExposure kernel = exposure.current();
        HostContext context =
                new HostContext(
                        "simulated",
                        kernel.release(),
                        kernel.kernelClass().label(),
                        kernel.verdict().label());
        return Serving.untilSignalled(
                new SimulatorSource(config, speed, 0),
                settings,
                IncidentLogging.temporary(context));
    }
}
