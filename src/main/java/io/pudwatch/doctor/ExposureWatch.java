package io.pudwatch.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the host's exposure current for a long-running agent: assesses at start, then again every
 * few minutes on a thread of its own, since a VM may start mapping a BAR at any time and a scan of
 * every process's maps is too slow to run inside a metrics scrape.
 */
public final class ExposureWatch implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ExposureWatch.class);

    /** Five minutes: a VM start shows within one alerting interval, at a few scans an hour. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(5);

    private final Path root;
    private final ScheduledExecutorService timer;
    private volatile HostExposure latest;

    private ExposureWatch(Path root) {
        this.root = root;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "pudwatch-exposure");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Assesses the host under {@code root} now, then every {@code period}. */
    public static ExposureWatch start(Path root, Duration period) {
        ExposureWatch watch = new ExposureWatch(root);
        watch.latest = HostDoctor.assess(root);
        long ms = period.toMillis();
        watch.timer.scheduleWithFixedDelay(watch::refresh, ms, ms, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The most recent assessment. */
    public HostExposure latest() {
        return latest;
    }

    private void refresh() {
        try {
            HostExposure next = HostDoctor.assess(root);
            if (next.verdict() != latest.verdict()) {
                logger.info(
                        "The host's exposure changed from {} to {}: {}",
                        latest.verdict().label(),
                        next.verdict().label(),
                        String.join(" ", next.reasons()));
            }
            latest = next;
        } catch (RuntimeException e) {
            logger.debug("Re-assessing the host's exposure failed; keeping the last verdict.", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
