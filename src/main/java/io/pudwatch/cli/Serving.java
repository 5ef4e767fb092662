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
