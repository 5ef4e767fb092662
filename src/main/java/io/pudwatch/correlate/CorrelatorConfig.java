package io.pudwatch.correlate;

import java.time.Duration;

/**
 * Limits of the correlator.
 *
 * @param windowTimeoutNs a window open this long closes as unresolved
 * @param maxOpenWindows opening a window beyond this many first closes the oldest one
 * @param maxThreads walker threads whose walk kind is remembered; beyond this the least recently
 *     seen one is forgotten
 */
public record CorrelatorConfig(long windowTimeoutNs, int maxOpenWindows, int maxThreads) {
    /** One second: a numa_maps read of a VM spends well under a millisecond per PUD. */
    public static final Duration DEFAULT_WINDOW_TIMEOUT = Duration.ofSeconds(1);

    /**
     * 65,536 windows: a walker thread has at most one, and no host runs that many concurrent
     * walkers; at about 200 bytes a window this caps the correlator near 13 MiB.
     */
    public static final int DEFAULT_MAX_OPEN_WINDOWS = 65_536;

    /** Same reasoning as the window cap: one entry per thread that walks a VFIO-mapped mm. */
    public static final int DEFAULT_MAX_THREADS = 65_536;

    public CorrelatorConfig {
        if (windowTimeoutNs <= 0) {
            throw new IllegalArgumentException(
                    "The window timeout must be positive, not " + windowTimeoutNs + " ns.");
        }
        if (maxOpenWindows < 1) {
            throw new IllegalArgumentException(
                    "The open window cap must be at least 1, not " + maxOpenWindows + ".");
        }
        if (maxThreads < 1) {
            throw new IllegalArgumentException(
                    "The thread cap must be at least 1, not " + maxThreads + ".");
        }
    }

    public static CorrelatorConfig defaults() {
        return new CorrelatorConfig(
                DEFAULT_WINDOW_TIMEOUT.toNanos(), DEFAULT_MAX_OPEN_WINDOWS, DEFAULT_MAX_THREADS);
    }

    public CorrelatorConfig withWindowTimeout(Duration timeout) {
        return new CorrelatorConfig(timeout.toNanos(), maxOpenWindows, maxThreads);
    }

    public CorrelatorConfig withMaxOpenWindows(int cap) {
        return new CorrelatorConfig(windowTimeoutNs, cap, maxThreads);
    }

    public CorrelatorConfig withMaxThreads(int cap) {
        return new CorrelatorConfig(windowTimeoutNs, maxOpenWindows, cap);
    }
}
