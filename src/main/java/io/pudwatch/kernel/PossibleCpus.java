package io.pudwatch.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The number of possible CPUs: per-CPU BPF maps return one value per possible CPU, not per online
 * one, so this sizes their lookup buffers.
 */
public final class PossibleCpus {
    private PossibleCpus() {}

    public static int count() throws IOException {
        return parse(Files.readString(Path.of("/sys/devices/system/cpu/possible")));
    }

    /** Parses a CPU list such as {@code 0-3,8-11}: the highest CPU plus one. */
    public static int parse(String list) {
        int highest = -1;
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            String last = dash < 0 ? part : part.substring(dash + 1);
            highest = Math.max(highest, Integer.parseInt(last.trim()));
        }
        if (highest < 0) {
            throw new IllegalArgumentException("Empty CPU list: '" + list + "'.");
        }
        return highest + 1;
    }
}
