package io.pudwatch.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.event.EventType;
import io.pudwatch.event.Hex;
import io.pudwatch.event.TraceEvent;
import java.io.IOException;

/** A timeline event in the field names of trace format v1; absent fields are left out. */
final class TimelineEventJson {
    private TimelineEventJson() {}

    static void write(JsonGenerator out, TimelineEvent e) throws IOException {
        out.writeStartObject();
        out.writeNumberField("ts", e.ts());
        out.writeStringField("type", e.type().wireName());
        number(out, "pid", e.pid());
        number(out, "tid", e.tid());
        if (e.comm() != null) {
            out.writeStringField("comm", e.comm());
        }
        hex(out, "mm", e.mm());
        hex(out, "pudp", e.pudp());
        hex(out, "addr", e.addr());
        if (e.ip() != TraceEvent.ABSENT) {
            out.writeStringField("ip", Hex.format(e.ip()));
        }
        if (e.walker() != null) {
            out.writeStringField("walker", e.walker());
        }
        if (e.source() != null) {
            out.writeStringField("source", e.source());
        }
        out.writeEndObject();
    }

    static TimelineEvent fromJson(JsonNode node) {
        EventType type = EventType.ofWireName(node.path("type").asText(""));
        if (type == null || !node.path("ts").isIntegralNumber()) {
            throw new IllegalArgumentException(
                    "Each timeline event needs an integer 'ts' and a known 'type'.");
        }
        return new TimelineEvent(
                node.path("ts").asLong(),
                type,
                number(node, "pid"),
                number(node, "tid"),
                node.path("comm").asText(null),
                hex(node, "mm", 0),
                hex(node, "pudp", 0),
                hex(node, "addr", 0),
                hex(node, "ip", TraceEvent.ABSENT),
                node.path("walker").asText(null),
                node.path("source").asText(null));
    }

    private static void number(JsonGenerator out, String name, long value) throws IOException {
        if (value != TraceEvent.ABSENT) {
            out.writeNumberField(name, value);
        }
    }

    private static void hex(JsonGenerator out, String name, long value) throws IOException {
        if (value != 0) {
            out.writeStringField(name, Hex.format(value));
        }
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isIntegralNumber() ? value.asLong() : TraceEvent.ABSENT;
    }

    private static long hex(JsonNode node, String name, long absent) {
        String value = node.path(name).asText("");
        if (!value.startsWith("0x")) {
            return absent;
        }
        try {
            return Long.parseUnsignedLong(value.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Timeline field '" + name + "' is not a hex value: \"" + value + "\".", e);
        }
    }
}
