package io.pudwatch.cli;

import io.pudwatch.kernel.KernelHeaders;
import io.pudwatch.probe.LiveSource;
import io.pudwatch.probe.LiveSourceOptions;
import io.pudwatch.probe.MmTracking;
import io.pudwatch.trace.TraceWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pudwatch record}: writes the live probes' events as a trace until stopped. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Attach the probes and write their events to FILE as a trace (format v1),",
            "until SIGINT/SIGTERM or --duration. Replay it with 'pudwatch replay FILE'."
        },
        footer = ExitCodes.HELP_TEXT)
final class RecordCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The trace to write.")
    Path file;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this long. Default: until SIGINT or SIGTERM.")
    Duration duration;

    @Option(names = "--all-mms", description = "Record every mm exit, not only tracked mms.")
    boolean allMms;

    @Mixin StateDirOption state;

    @Override
    public Integer call() throws Exception {
        LiveSourceOptions options =
                LiveSourceOptions.defaults()
                        .withStateDir(state.stateDir)
                        .withMmTracking(allMms ? MmTracking.ALL : MmTracking.TRACKED);
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.set(true);
                            try {
                                finished.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "pudwatch-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LiveSource source = LiveSource.open(options);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                TraceWriter writer = new TraceWriter(out, header())) {
            System.err.println("record: " + source.describe() + ", writing " + file);
            source.run(
                    writer,
                    now -> flush(writer),
                    () -> stop.get() || System.nanoTime() >= deadline);
            writer.end();
            System.err.println(
                    "record: "
                            + source.stats().recordsDecoded()
                            + " events, "
                            + source.stats().lost()
                            + " lost");
        } finally {
            finished.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return ExitCodes.OK;
    }

    private static void flush(TraceWriter writer) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The trace header of a recording: {@code release} is the host's {@code uname -r}, which replay
     * reads to judge the kernel's exposure ({@code kernel} is the simulator's field, for {@code
     * vulnerable} or {@code fixed}).
     */
    static Map<String, Object> header() throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("host", InetAddress.getLocalHost().getHostName());
        header.put("release", KernelHeaders.runningRelease());
        header.put("source", "live");
        return header;
    }
}
