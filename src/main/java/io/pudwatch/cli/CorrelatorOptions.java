package io.pudwatch.cli;

import io.pudwatch.correlate.CorrelatorConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The correlator's limits, shared by the commands that run an agent. */
final class CorrelatorOptions {
    @Option(
            names = "--window-timeout",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description =
                    "A window open this long closes as unresolved. Default: ${DEFAULT-VALUE}.")
    Duration windowTimeout;

    @Option(
            names = "--reorder-window",
            defaultValue = "10ms",
            converter = DurationConverter.class,
            description = "How far out of order events may arrive. Default: ${DEFAULT-VALUE}.")
    Duration reorderWindow;

    @Option(
            names = "--max-open-windows",
            defaultValue = "" + CorrelatorConfig.DEFAULT_MAX_OPEN_WINDOWS,
            description =
                    "Cap on open windows; the oldest closes beyond it. Default: ${DEFAULT-VALUE}.")
    int maxOpenWindows;

    CorrelatorConfig config() {
        if (windowTimeout.isZero() || windowTimeout.isNegative()) {
            throw new IllegalArgumentException("--window-timeout must be longer than zero");
        }
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("--reorder-window must not be negative");
        }
        return CorrelatorConfig.defaults()
                .withWindowTimeout(windowTimeout)
                .withMaxOpenWindows(maxOpenWindows);
    }

    long reorderWindowNs() {
        return reorderWindow.toNanos();
    }
}
