package io.pudwatch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.event.Hex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON form of an incident, as {@code replay --output json} prints it and the incident store
 * keeps it: field names and meaning are fixed by {@code docs/trace-format.md}.
 */
public final class IncidentJson {
    private static final JsonFactory JSON = new JsonFactory();

    private IncidentJson() {}

    /** One incident as a single-line JSON object. */
    public static String toJson(Incident incident) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, incident);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes the incident's fields into an object the caller has started. */
    public static void writeFields(JsonGenerator out, Incident i) throws IOException {
        out.writeStringField("mm", Hex.format(i.mm()));
        out.writeStringField("pudp", Hex.format(i.pudp()));
        out.writeStringField("addr", Hex.format(i.addr()));
        out.writeStringField("outcome", i.outcome().label());
        writeParty(out, "walker", i.walker(), "kind");
        writeParty(out, "installer", i.installer(), "source");
        out.writeNumberField("split_ts", i.splitTs());
        out.writeNumberField("install_ts", i.installTs());
        out.writeNumberField("close_ts", i.closeTs());
        out.writeNumberField("window_ns", i.windowNs());
        out.writeBooleanField("uncertain", i.uncertain());
    }

    private static void write(JsonGenerator out, Incident incident) throws IOException {
        out.writeStartObject();
        writeFields(out, incident);
        out.writeEndObject();
    }

    private static void writeParty(JsonGenerator out, String name, Incident.Party p, String role)
            throws IOException {
        out.writeObjectFieldStart(name);
        nullableNumber(out, "pid", p.pid());
        nullableNumber(out, "tid", p.tid());
        nullableString(out, "comm", p.comm());
        nullableString(out, role, p.role());
        out.writeEndObject();
    }

    private static void nullableNumber(JsonGenerator out, String name, Long value)
            throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeNumberField(name, value);
        }
    }

    private static void nullableString(JsonGenerator out, String name, String value)
            throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value);
        }
    }

    /**
     * Reads an incident back from its JSON form.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static Incident fromJson(JsonNode node) {
        Outcome outcome = Outcome.ofLabel(text(node, "outcome"));
        if (outcome == null) {
            throw new IllegalArgumentException(
                    "Field 'outcome' must be one of crashed, descended, retried, unresolved.");
        }
        return new Incident(
                hex(node, "mm"),
                hex(node, "pudp"),
                hex(node, "addr"),
                outcome,
                party(node, "walker", "kind"),
                party(node, "installer", "source"),
                number(node, "split_ts"),
                number(node, "install_ts"),
                number(node, "close_ts"),
                number(node, "window_ns"),
                node.path("uncertain").asBoolean(false));
    }

    private static Incident.Party party(JsonNode node, String name, String role) {
        JsonNode p = node.path(name);
        if (!p.isObject()) {
            throw new IllegalArgumentException("Field '" + name + "' must be an object.");
        }
        return new Incident.Party(
                p.path("pid").isIntegralNumber() ? p.path("pid").asLong() : null,
                p.path("tid").isIntegralNumber() ? p.path("tid").asLong() : null,
                p.path("comm").isTextual() ? p.path("comm").asText() : null,
                p.path(role).isTextual() ? p.path(role).asText() : null);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("Field '" + name + "' must be a string.");
        }
        return value.asText();
    }

    private static long hex(JsonNode node, String name) {
        String value = text(node, name);
        if (!value.startsWith("0x") || value.length() < 3 || value.length() > 18) {
            throw new IllegalArgumentException(
                    "Field '"
                            + name
                            + "' must be a hex string like \"0x1f\", not \""
                            + value
                            + "\".");
        }
        try {
            return Long.parseUnsignedLong(value.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Field '" + name + "' is not a valid hex value: \"" + value + "\".", e);
        }
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("Field '" + name + "' must be an integer.");
        }
        return value.asLong();
    }
}
