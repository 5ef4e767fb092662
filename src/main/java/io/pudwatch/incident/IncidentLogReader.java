package io.pudwatch.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads incident records from an incident log file, one JSON object per line. */
public final class IncidentLogReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentLogReader() {}

    /** What to do with a malformed line. */
    public interface MalformedLine {
        /** Throw it: the default for a command reading a file the user named. */
        MalformedLine STOP =
                e -> {
                    throw e;
                };

        void handle(IncidentFormatException e) throws IncidentFormatException;
    }

    /**
     * Sends each record of {@code file} to {@code records}; blank lines are skipped.
     *
     * @return the number of malformed lines that {@code malformed} let pass
     * @throws IncidentFormatException from {@code malformed}, naming FILE:LINE
     */
    public static int read(Path file, Consumer<IncidentRecord> records, MalformedLine malformed)
            throws IOException, IncidentFormatException {
        int bad = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                IncidentRecord record;
                try {
                    record = parse(line);
                } catch (IllegalArgumentException e) {
                    bad++;
                    malformed.handle(
                            new IncidentFormatException(
                                    file + ":" + number + ": " + e.getMessage(), e));
                    continue;
                }
                records.accept(record);
            }
        }
        return bad;
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static IncidentRecord parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not JSON: " + e.getOriginalMessage() + "; is this an incident log?", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an incident must be a JSON object");
        }
        return IncidentRecordJson.fromJson(node);
    }
}
