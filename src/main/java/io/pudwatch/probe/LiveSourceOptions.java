package io.pudwatch.probe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link LiveSource} is set up.
 *
 * @param program a BPF C file to use instead of the shipped one, or {@code null}
 * @param stateDir where pudwatch may write (the merged kernel header tree goes below it)
 * @param ringBufferPages the ring buffer's size in pages, a power of two
 * @param pollTimeout how long a quiet source waits before it reports idleness
 * @param mmTracking which exiting mms are reported
 * @param withSelftest whether the selftest storm probe is attached (it stays silent until a thread
 *     is named with {@link LiveSource#setStormThread})
 */
public record LiveSourceOptions(
        Path program,
        Path stateDir,
        int ringBufferPages,
        Duration pollTimeout,
        MmTracking mmTracking,
        boolean withSelftest) {
    /**
     * 256 pages (1 MiB): some 13,000 records, a burst of splits over TiBs of BARs; the BPF file
     * says why.
     */
    public static final int DEFAULT_RING_BUFFER_PAGES = 256;

    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/pudwatch");

    public LiveSourceOptions {
        if (Integer.bitCount(ringBufferPages) != 1) {
            throw new IllegalArgumentException(
                    "The ring buffer size must be a power of two"
                            + " pages, not "
                            + ringBufferPages
                            + ".");
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("The poll timeout must be longer than zero.");
        }
    }

    public static LiveSourceOptions defaults() {
        return new LiveSourceOptions(
                null,
                DEFAULT_STATE_DIR,
                DEFAULT_RING_BUFFER_PAGES,
                Duration.ofMillis(100),
                MmTracking.TRACKED,
                false);
    }

    public LiveSourceOptions withProgram(Path file) {
        return new LiveSourceOptions(
                file, stateDir, ringBufferPages, pollTimeout, mmTracking, withSelftest);
    }

    public LiveSourceOptions withStateDir(Path dir) {
        return new LiveSourceOptions(
                program, dir, ringBufferPages, pollTimeout, mmTracking, withSelftest);
    }

    public LiveSourceOptions withRingBufferPages(int pages) {
        return new LiveSourceOptions(
                program, stateDir, pages, pollTimeout, mmTracking, withSelftest);
    }

    public LiveSourceOptions withMmTracking(MmTracking tracking) {
        return new LiveSourceOptions(
                program, stateDir, ringBufferPages, pollTimeout, tracking, withSelftest);
    }

    public LiveSourceOptions withSelftest(boolean selftest) {
        return new LiveSourceOptions(
                program, stateDir, ringBufferPages, pollTimeout, mmTracking, selftest);
    }
}
