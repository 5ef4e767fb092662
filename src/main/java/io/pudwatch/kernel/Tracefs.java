package io.pudwatch.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tracing filesystem, where tracepoints are listed with their ids and record formats, and
 * mounts it when nothing else did (some VMs and minimal hosts boot without it).
 */
public final class Tracefs {
    private static final Logger logger = LoggerFactory.getLogger(Tracefs.class);

    /** Since 4.1 tracefs has its own mount point; before, only under debugfs. */
    public static final Path TRACING = Path.of("/sys/kernel/tracing");

    public static final Path DEBUG_TRACING = Path.of("/sys/kernel/debug/tracing");

    private Tracefs() {}

    /** The tracefs root that lists events, if one is mounted. */
    public static Optional<Path> find() {
        for (Path root : new Path[] {TRACING, DEBUG_TRACING}) {
            if (Files.isDirectory(root.resolve("events"))) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }

    /**
     * The tracefs root, mounting tracefs at {@link #TRACING} when none is mounted (needs root). The
     * mount is left in place: it is what {@code mount -t tracefs} at boot would have done.
     */
    public static Optional<Path> findOrMount() {
        Optional<Path> found = find();
        if (found.isPresent() || !Files.isDirectory(TRACING)) {
            return found;
        }
        try {
            Process mount =
                    new ProcessBuilder("mount", "-t", "tracefs", "nodev", TRACING.toString())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(mount.getInputStream().readAllBytes()).trim();
            if (!mount.waitFor(10, TimeUnit.SECONDS) || mount.exitValue() != 0) {
                logger.warn(
                        "tracefs is not mounted and mounting it at {} failed ({}); tracepoints"
                                + " will not be available. Mount it: mount -t tracefs nodev {}",
                        TRACING,
                        output,
                        TRACING);
                return Optional.empty();
            }
            logger.info(
                    "Mounted tracefs at {}: tracepoints need it and it was not mounted.", TRACING);
        } catch (IOException e) {
            logger.warn("tracefs is not mounted and `mount` could not run: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return find();
    }

    /** Whether {@code category:name} is a tracepoint of this kernel. */
    public static boolean hasTracepoint(Path root, String category, String name) {
        return Files.isRegularFile(
                root.resolve("events").resolve(category).resolve(name).resolve("id"));
    }
}
