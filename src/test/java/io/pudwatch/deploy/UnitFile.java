package io.pudwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of a systemd unit file, by section, comments left out. */
record UnitFile(Map<String, Map<String, List<String>>> sections) {
    static UnitFile read(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1), current);
                continue;
            }
            int eq = line.indexOf('=');
            current.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
                    .add(line.substring(eq + 1));
        }
        return new UnitFile(sections);
    }

    /** The values of {@code key} in {@code section}, split at spaces, all assignments joined. */
    List<String> words(String section, String key) {
        List<String> words = new ArrayList<>();
        for (String value : sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of())) {
            for (String word : value.split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    boolean has(String section, String key) {
        return sections.getOrDefault(section, Map.of()).containsKey(key);
    }
}
