package io.pudwatch.incident;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.correlate.Incident;
import io.pudwatch.report.IncidentJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an {@link IncidentRecord}: the fields of {@link IncidentJson} plus {@code id},
 * {@code recorded_at}, {@code host}, {@code kernel}, {@code processes} and {@code timeline}. One
 * line per record in the incident log; the same object in {@code /api/incidents}.
 */
public final class IncidentRecordJson {
    private static final JsonFactory JSON = new JsonFactory();

    private IncidentRecordJson() {}

    /** The record as one line of JSON; without its timeline when {@code withTimeline} is false. */
    public static String toJson(IncidentRecord r, boolean withTimeline) {
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, r, withTimeline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes the record as an object into {@code out}. */
    public static void write(JsonGenerator out, IncidentRecord r, boolean withTimeline)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", r.id());
        out.writeStringField("recorded_at", r.recordedAt().toString());
        out.writeStringField("host", r.host().host());
        IncidentJson.writeFields(out, r.incident());
        out.writeObjectFieldStart("kernel");
        out.writeStringField("release", r.host().kernelRelease());
        out.writeStringField("class", r.host().kernelClass());
        out.writeStringField("exposure", r.host().exposure());
        out.writeEndObject();
        out.writeObjectFieldStart("processes");
        ProcessInfoJson.write(out, "walker", r.walkerProcess());
        ProcessInfoJson.write(out, "installer", r.installerProcess());
        out.writeEndObject();
        if (withTimeline) {
            out.writeArrayFieldStart("timeline");
            for (TimelineEvent e : r.timeline()) {
                TimelineEventJson.write(out, e);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Reads a record back.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static IncidentRecord fromJson(JsonNode node) {
        Incident incident = IncidentJson.fromJson(node);
        String id = text(node, "id");
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(text(node, "recorded_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Field 'recorded_at' must be an ISO-8601 instant like 2026-01-31T03:12:09Z.",
                    e);
        }
        JsonNode kernel = node.path("kernel");
        HostContext host =
                new HostContext(
                        node.path("host").asText(null),
                        kernel.path("release").asText(null),
                        kernel.path("class").asText(null),
                        kernel.path("exposure").asText(null));
        JsonNode processes = node.path("processes");
        List<TimelineEvent> timeline = new ArrayList<>();
        for (JsonNode e : node.path("timeline")) {
            timeline.add(TimelineEventJson.fromJson(e));
        }
        return new IncidentRecord(
                id,
                recordedAt,
                incident,
                host,
                ProcessInfoJson.fromJson(processes.path("walker")),
                ProcessInfoJson.fromJson(processes.path("installer")),
                List.copyOf(timeline));
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("Field '" + name + "' must be a non-empty string.");
        }
        return value.asText();
    }
}
