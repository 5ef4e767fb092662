package io.pudwatch.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** The JSON form of a {@link ProcessInfo}: {@code null} when the process was not known. */
final class ProcessInfoJson {
    private ProcessInfoJson() {}

    static void write(JsonGenerator out, String name, ProcessInfo p) throws IOException {
        if (p == null) {
            out.writeNullField(name);
            return;
        }
        out.writeObjectFieldStart(name);
        out.writeNumberField("pid", p.pid());
        out.writeStringField("comm", p.comm());
        out.writeStringField("cmdline", p.cmdline());
        out.writeStringField("cgroup", p.cgroup());
        out.writeStringField("container_id", p.containerId());
        out.writeBooleanField("gone", p.gone());
        out.writeBooleanField("looked_up", p.lookedUp());
        out.writeEndObject();
    }

    static ProcessInfo fromJson(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        if (!node.path("pid").isIntegralNumber()) {
            throw new IllegalArgumentException("Field 'processes.*.pid' must be an integer.");
        }
        return new ProcessInfo(
                node.path("pid").asLong(),
                node.path("comm").asText(null),
                node.path("cmdline").asText(null),
                node.path("cgroup").asText(null),
                node.path("container_id").asText(null),
                node.path("gone").asBoolean(false),
                // Records written before the field existed all came from /proc.
                node.path("looked_up").asBoolean(true));
    }
}
