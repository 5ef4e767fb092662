package io.pudwatch.logging;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs one kind of failure that can repeat (reading {@code /proc} for a process that has gone,
 * writing to a full disk): the first time at WARN, every later time at DEBUG, so that a failure
 * that repeats thousands of times fills neither the disk nor the journal. After a success the next
 * failure warns again.
 *
 * <p>Thread-safe. One instance per kind of failure, held next to the code that can fail.
 */
public final class RepeatedFailureLog {
    private final Logger logger;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong failuresSinceSuccess = new AtomicLong();

    public RepeatedFailureLog(Logger logger) {
        this.logger = logger;
    }

    /**
     * Records a failure and logs {@code message} (an SLF4J pattern) at WARN if it is the first
     * since the start or the last success, otherwise at DEBUG.
     */
    public void failed(String message, Object... args) {
        failures.incrementAndGet();
        if (failuresSinceSuccess.getAndIncrement() == 0) {
            if (logger.isWarnEnabled()) {
                logger.warn(
                        message + " (Repeats of this failure are logged at debug level.)", args);
            }
        } else {
            logger.debug(message, args);
        }
    }

    /** Records a success: the next failure is logged at WARN again, and a recovery at INFO. */
    public void succeeded(String recoveryMessage, Object... args) {
        long missed = failuresSinceSuccess.getAndSet(0);
        if (missed > 0 && logger.isInfoEnabled()) {
            logger.info(recoveryMessage + " (after " + missed + " failures)", args);
        }
    }

    /** Failures since the start. */
    public long failures() {
        return failures.get();
    }
}
