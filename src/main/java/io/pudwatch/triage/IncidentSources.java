package io.pudwatch.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pudwatch.incident.IncidentFormatException;
import io.pudwatch.incident.IncidentLogFiles;
import io.pudwatch.incident.IncidentLogReader;
import io.pudwatch.incident.IncidentRecord;
import io.pudwatch.incident.IncidentRecordJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where triage reads incidents: a running agent's {@code /api/incidents}, or its log on disk. */
public final class IncidentSources {
    // Rotated files beyond this are not looked for: the agent keeps far fewer.
    private static final int MAX_ROTATED = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentSources() {}

    /** Whether {@code from} names an agent rather than a file or directory. */
    public static boolean isUrl(String from) {
        return from.startsWith("http://") || from.startsWith("https://");
    }

    /**
     * Reads every record of an incident log file, or of all the log files in a state directory,
     * oldest first; records found before {@code since} are left out.
     *
     * @throws IncidentFormatException naming FILE:LINE of the first malformed line
     */
    public static List<IncidentRecord> fromFiles(Path path, Instant since)
            throws IOException, IncidentFormatException {
        List<Path> files =
                Files.isDirectory(path)
                        ? IncidentLogFiles.oldestFirst(path, MAX_ROTATED)
                        : List.of(path);
        List<IncidentRecord> records = new ArrayList<>();
        for (Path file : files) {
            IncidentLogReader.read(
                    file,
                    r -> {
                        if (since == null || !r.recordedAt().isBefore(since)) {
                            records.add(r);
                        }
                    },
                    IncidentLogReader.MalformedLine.STOP);
        }
        return records;
    }

    /** The agent's list, without timelines. */
    public static List<IncidentRecord> listFromAgent(String base, Duration since)
            throws IOException, InterruptedException {
        String query =
                since == null
                        ? ""
                        : "?since="
                                + URLEncoder.encode(
                                        since.toSeconds() + "s", StandardCharsets.UTF_8);
        String notAgent = base + " has no /api/incidents; is it a pudwatch agent?";
        JsonNode body =
                get(base, "/api/incidents" + query).orElseThrow(() -> new IOException(notAgent));
        List<IncidentRecord> records = new ArrayList<>();
        for (JsonNode node : body.path("incidents")) {
            records.add(fromAgent(base, node));
        }
        return records;
    }

    /** One incident with its timeline, or empty when the agent knows no such id. */
    public static Optional<IncidentRecord> oneFromAgent(String base, String id)
            throws IOException, InterruptedException {
        Optional<JsonNode> body =
                get(base, "/api/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return body.isEmpty() ? Optional.empty() : Optional.of(fromAgent(base, body.get()));
    }

    private static IncidentRecord fromAgent(String base, JsonNode node) throws IOException {
        try {
            return IncidentRecordJson.fromJson(node);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    base + " answered with a malformed incident: " + e.getMessage(), e);
        }
    }

    private static Optional<JsonNode> get(String base, String path)
            throws IOException, InterruptedException {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(root + path))
                        .timeout(Duration.ofSeconds(15))
                        .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body = MAPPER.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException(
                    root
                            + path
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + body.path("error").asText(""));
        }
        return Optional.of(body);
    }
}
