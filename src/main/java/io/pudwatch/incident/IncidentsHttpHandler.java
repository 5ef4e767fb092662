package io.pudwatch.incident;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.pudwatch.report.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Serves the incident store as JSON, mounted at {@code /api/incidents}:
 *
 * <ul>
 *   <li>{@code GET /api/incidents[?since=10m]}: {@code {"count":N,"incidents":[...]}}, oldest
 *       first, each without its timeline;
 *   <li>{@code GET /api/incidents/ID}: one record with its timeline; an unambiguous prefix of the
 *       id will do.
 * </ul>
 *
 * Errors answer 400 (bad {@code since}, ambiguous prefix), 404 (no such incident) or 405 (not a
 * GET), with {@code {"error": "..."}}.
 */
public final class IncidentsHttpHandler implements HttpHandler {
    /** Where the handler expects to be mounted. */
    public static final String PATH = "/api/incidents";

    private static final JsonFactory JSON = new JsonFactory();

    private final IncidentStore store;
    private final Clock clock;

    public IncidentsHttpHandler(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                error(exchange, 405, "Only GET is served here.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String rest = path.startsWith(PATH) ? path.substring(PATH.length()) : path;
            if (rest.isEmpty() || rest.equals("/")) {
                list(exchange);
            } else {
                one(exchange, rest.substring(1));
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Instant since;
        try {
            since = since(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        List<IncidentRecord> records = store.list(since);
        StringWriter text = new StringWriter(256 + records.size() * 768);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("count", records.size());
            out.writeArrayFieldStart("incidents");
            for (IncidentRecord r : records) {
                IncidentRecordJson.write(out, r, false);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        send(exchange, 200, text.toString());
    }

    private void one(HttpExchange exchange, String id) throws IOException {
        Optional<IncidentRecord> found;
        try {
            found = store.find(URLDecoder.decode(id, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            error(exchange, 404, "No incident has the id '" + id + "'.");
            return;
        }
        send(exchange, 200, IncidentRecordJson.toJson(found.get(), true));
    }

    private Instant since(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("since=")) {
                String value = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                return clock.instant().minus(Durations.parse(value));
            }
        }
        return null;
    }

    private static void error(HttpExchange exchange, int status, String message)
            throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("error", message);
            out.writeEndObject();
        }
        send(exchange, status, text.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
