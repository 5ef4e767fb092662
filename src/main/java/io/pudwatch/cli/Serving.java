package io.pudwatch.cli;

import io.pudwatch.agent.EventSource;
import io.pudwatch.http.ServedAgent;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a served agent and keeps the command in the foreground until SIGTERM or SIGINT, then
 * releases everything from the JVM's shutdown hook, so that probes are detached before the process
 * exits.
 */
final class Serving {
    private Serving() {}

    static int untilSignalled(EventSource source, ServedAgent.Settings settings)
            throws CommandFailedException {
        ServedAgent served;
        try {
            served = ServedAgent.start(source, settings);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        mountExtraHandlers(served);

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

    /**
     * Handlers beyond metrics and health (the incident API) are mounted here, one line each: {@code
     * served.server().mount("/api/incidents", handler)}.
     */
    static void mountExtraHandlers(ServedAgent served) {}
}
