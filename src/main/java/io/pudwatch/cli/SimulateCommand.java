package io.pudwatch.cli;

import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import io.pudwatch.trace.TraceWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pudwatch simulate}: writes a trace of a simulated host. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a trace (format v1) of a simulated GPU hypervisor: VMs with VFIO BARs,",
            "readers of numa_maps/smaps, DMA-map refaults, on a vulnerable or a fixed kernel."
        },
        footer = ExitCodes.HELP_TEXT)
final class SimulateCommand implements Callable<Integer> {
    @Mixin SimulatedHostOptions host;

    @Option(
            names = "--duration",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Simulated time. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--vms", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
    int vms;

    @Option(
            names = "--bar-gib",
            defaultValue = "64",
            description = "BAR size per VM in GiB. Default: ${DEFAULT-VALUE}.")
    int barGib;

    @Option(
            names = "--walkers",
            defaultValue = "2",
            description = "Threads reading numa_maps or smaps. Default: ${DEFAULT-VALUE}.")
    int walkers;

    @Option(
            names = "--walk-rate",
            defaultValue = "5",
            description = "Reads per second per walker. Default: ${DEFAULT-VALUE}.")
    double walkRate;

    @Option(
            names = "--refault-rate",
            defaultValue = "300",
            description = "DMA-map sweeps per second per VM. Default: ${DEFAULT-VALUE}.")
    double refaultRate;

    @Option(
            names = "--recheck",
            defaultValue = "2us",
            converter = DurationConverter.class,
            description = "Mean time from split to re-check. Default: ${DEFAULT-VALUE}.")
    Duration recheck;

    @Option(
            names = "--again",
            defaultValue = "400ns",
            converter = DurationConverter.class,
            description = "Mean time from re-check to the next look. Default: ${DEFAULT-VALUE}.")
    Duration again;

    @Option(
            names = "--sweep-pud",
            defaultValue = "1us",
            converter = DurationConverter.class,
            description = "Mean time a DMA-map sweep spends per PUD. Default: ${DEFAULT-VALUE}.")
    Duration sweepPud;

    @Option(
            names = "--crash-probability",
            defaultValue = "0.8",
            description = "Share of descents that oops. Default: ${DEFAULT-VALUE}.")
    double crashProbability;

    @Option(
            names = "--loss-rate",
            defaultValue = "0",
            description = "Chance the kernel drops an event. Default: ${DEFAULT-VALUE}.")
    double lossRate;

    @Option(
            names = "--disorder",
            defaultValue = "0",
            converter = DurationConverter.class,
            description = "Deliver events out of order by up to this much. Default: none.")
    Duration disorder;

    @Option(
            names = "--vm-restart-rate",
            defaultValue = "0",
            description = "VM restarts per second per VM (mm exit and reuse). Default: none.")
    double vmRestartRate;

    @Option(
            names = {"-o", "--output"},
            description = "Write the trace here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        SimulationConfig config = config();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("host", "simulated");
        header.put("kernel", config.kernel().name().toLowerCase(Locale.ROOT));
        header.put("seed", config.seed());
        try (OutputStream raw = output == null ? nonClosing() : Files.newOutputStream(output);
                OutputStream out = new BufferedOutputStream(raw, 1 << 16);
                TraceWriter writer = new TraceWriter(out, header)) {
            long events = new Simulator(config, writer).run();
            System.err.println("simulate: wrote " + events + " events");
        }
        return ExitCodes.OK;
    }

    SimulationConfig config() {
        return new SimulationConfig(
                host.seed,
                duration,
                host.kernel,
                vms,
                barGib,
                walkers,
                walkRate,
                refaultRate,
                recheck.toNanos(),
                again.toNanos(),
                sweepPud.toNanos(),
                crashProbability,
                lossRate,
                disorder.toNanos(),
                vmRestartRate);
    }

    private static OutputStream nonClosing() {
        return new java.io.FilterOutputStream(System.out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
