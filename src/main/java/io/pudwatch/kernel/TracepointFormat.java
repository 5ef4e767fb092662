package io.pudwatch.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record layout of one tracepoint, from its {@code format} file in tracefs: field name to byte
 * offset. The BPF program reads tracepoint records at these offsets, so that a field that moves
 * between kernels does not need a new program.
 */
public final class TracepointFormat {
    private final Map<String, Integer> offsets;

    private TracepointFormat(Map<String, Integer> offsets) {
        this.offsets = offsets;
    }

    public static TracepointFormat read(Path tracefs, String category, String name)
            throws IOException {
        Path file = tracefs.resolve("events").resolve(category).resolve(name).resolve("format");
        return parse(Files.readAllLines(file));
    }

    /** Parses lines such as {@code field:unsigned long address; offset:8; size:8; signed:0;}. */
    public static TracepointFormat parse(List<String> lines) {
        Map<String, Integer> offsets = new HashMap<>();
        for (String raw : lines) {
            String line = raw.trim();
            if (!line.startsWith("field:")) {
                continue;
            }
            int semi = line.indexOf(';');
            int offsetAt = line.indexOf("offset:");
            if (semi < 0 || offsetAt < 0) {
                continue;
            }
            String declaration = line.substring("field:".length(), semi).trim();
            int bracket = declaration.indexOf('[');
            if (bracket >= 0) {
                declaration = declaration.substring(0, bracket);
            }
            int nameStart = Math.max(declaration.lastIndexOf(' '), declaration.lastIndexOf('*'));
            String field = declaration.substring(nameStart + 1).trim();
            int offsetEnd = line.indexOf(';', offsetAt);
            int offset = Integer.parseInt(line.substring(offsetAt + 7, offsetEnd).trim());
            offsets.put(field, offset);
        }
        return new TracepointFormat(offsets);
    }

    /** The byte offset of {@code field}, or {@code fallback} when the format lacks it. */
    public int offsetOr(String field, int fallback) {
        return offsets.getOrDefault(field, fallback);
    }

    public boolean hasField(String field) {
        return offsets.containsKey(field);
    }
}
