package io.pudwatch.probe;

import io.pudwatch.bcc.BpfException;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Proves the live path end to end: attaches the probes, makes the kernel fire one (a child process
 * exits, so the exit_mmap tracepoint reports its mm), and checks that the event went kernel, ring
 * buffer, decoder, correlator.
 */
public final class Selftest {
    /** How long the kernel event may take to reach the correlator: far more than it needs. */
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(10);

    /** The outcome: the probe report after attaching, and whether the event came through. */
    public record Result(ProbeReport report, boolean passed, String detail, long eventsDelivered) {}

    private Selftest() {}

    public static Result run(LiveSourceOptions options) throws IOException, BpfException {
        try (LiveSource source = LiveSource.open(options)) {
            ProbeOutcome mmExit = source.report().outcome(Probe.MM_EXIT);
            if (mmExit == null || mmExit.status() != ProbeStatus.ATTACHED) {
                String why = mmExit == null ? "not planned" : mmExit.reason();
                return new Result(
                        source.report(),
                        false,
                        "the mm-exit tracepoint the selftest needs is not attached: " + why,
                        0);
            }
            return drive(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The selftest was interrupted.", e);
        }
    }

    private static Result drive(LiveSource source)
            throws IOException, BpfException, InterruptedException {
        Pipeline pipeline = new Pipeline(CorrelatorConfig.defaults(), 10_000_000L, i -> {});
        AtomicBoolean stop = new AtomicBoolean();
        Process child = new ProcessBuilder("/bin/sh", "-c", "read line").start();
        long childPid = child.pid();
        AtomicBoolean seen = new AtomicBoolean();
        EventSink tee =
                event -> {
                    if (event.type == EventType.MM_EXIT && event.pid == childPid) {
                        seen.set(true);
                    }
                    pipeline.accept(event);
                };
        Thread feeder =
                new Thread(
                        () -> source.run(tee, pipeline::idleUntil, stop::get),
                        "pudwatch-selftest-feeder");
        // A feeder that never returns must not keep the JVM alive; LiveSource.close() leaves
        // the ring mapped under it rather than unmapping it while it reads.
        feeder.setDaemon(true);
        source.trackProcess(childPid);
        feeder.start();

        child.getOutputStream().close(); // "read" sees end of input: the shell exits
        child.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + DEADLINE_NS;
        while (!seen.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stop.set(true);
        feeder.join(TimeUnit.SECONDS.toMillis(5));
        if (feeder.isAlive()) {
            return new Result(
                    source.report(),
                    false,
                    "the ring buffer reader did not stop within 5 s of being asked",
                    source.stats().recordsDecoded());
        }
        pipeline.end();

        long correlated = pipeline.correlator().stats().events(EventType.MM_EXIT);
        long delivered = source.stats().recordsDecoded();
        if (!seen.get()) {
            return new Result(
                    source.report(),
                    false,
                    "no mm_exit of child "
                            + childPid
                            + " arrived within "
                            + TimeUnit.NANOSECONDS.toSeconds(DEADLINE_NS)
                            + " s ("
                            + delivered
                            + " records decoded)",
                    delivered);
        }
        if (correlated == 0) {
            return new Result(
                    source.report(),
                    false,
                    "the mm_exit was decoded but the correlator did not count it",
                    delivered);
        }
        return new Result(
                source.report(),
                true,
                "mm_exit of child "
                        + childPid
                        + " went kernel -> ring buffer -> decoder -> correlator ("
                        + correlated
                        + " mm_exit counted, "
                        + source.stats().batches()
                        + " batches)",
                delivered);
    }
}
