package io.pudwatch.cli;

import io.pudwatch.agent.EventSource;
import io.pudwatch.http.ReadinessCheck.SourceKind;
import io.pudwatch.http.ServedAgent;
import io.pudwatch.metrics.Exposure;
import io.pudwatch.metrics.ProbeStates;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a served agent and keeps the command in the foreground until SIGTERM or SIGINT, then
 * releases everything from the JVM's shutdown hook, so that probes are detached before the process
 * exits.
 */
final class Serving {
    /**
     * A live source that delivered neither an event nor an idle tick for this long is not ready:
     * sources tick at least every few seconds on a quiet host, so a minute means it is stuck.
     */
    static final Duration LIVE_STALE_AFTER = Duration.ofMinutes(1);

    private Serving() {}

    /** The settings of a served agent: its correlator and HTTP options, probes and exposure. */
    static ServedAgent.Settings settings(
            SourceKind kind,
            CorrelatorOptions correlator,
            ServeOptions serve,
            ProbeStates probes,
            Exposure exposure)
            throws CommandFailedException, BadInputException {
        return new ServedAgent.Settings(
                kind,
                correlator.config(),
                correlator.reorderWindowNs(),
                probes,
                exposure,
                serve.settings(),
                LIVE_STALE_AFTER);
    }

    static int untilSignalled(
            EventSource source, ServedAgent.Settings settings, ServedAgent.Extension extension)
            throws CommandFailedException {
        ServedAgent served;
        try {
            served = ServedAgent.start(source, settings, extension);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        served.close();
                                    } finally {
                                        closed.countDown();
                                    }
                                },
                                "pudwatch-shutdown"));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
