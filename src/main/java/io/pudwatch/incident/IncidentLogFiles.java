package io.pudwatch.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of an incident log's files in its state directory: {@code incidents.jsonl} is written
 * to; {@code incidents.jsonl.1} is the newest rotated file, {@code .N} the oldest kept.
 */
public final class IncidentLogFiles {
    /** The file the agent appends to. */
    public static final String CURRENT = "incidents.jsonl";

    private IncidentLogFiles() {}

    static Path current(Path dir) {
        return dir.resolve(CURRENT);
    }

    static Path rotated(Path dir, int n) {
        return dir.resolve(CURRENT + "." + n);
    }

    /** The log's files that exist, oldest first, so that reading them gives time order. */
    public static List<Path> oldestFirst(Path dir, int keep) {
        List<Path> files = new ArrayList<>();
        for (int n = keep; n >= 1; n--) {
            Path file = rotated(dir, n);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        if (Files.isRegularFile(current(dir))) {
            files.add(current(dir));
        }
        return files;
    }
}
