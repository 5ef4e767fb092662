package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsHttpHandlerTest {
    private static final Instant NOW = Instant.parse("2026-01-31T03:12:09Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dir;
    private IncidentStore store;
    private HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private IncidentRecord old;
    private IncidentRecord recent;

    @BeforeEach
    void serve() throws Exception {
        store = IncidentStore.open(dir);
        old = Records.record(NOW.minus(Duration.ofHours(2)).toEpochMilli(), 1);
        recent = Records.record(NOW.minus(Duration.ofMinutes(5)).toEpochMilli(), 2);
        store.add(old);
        store.add(recent);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                IncidentsHttpHandler.PATH,
                new IncidentsHttpHandler(store, Clock.fixed(NOW, ZoneOffset.UTC)));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        store.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theListHoldsEveryIncidentWithoutTimelines() throws Exception {
        HttpResponse<String> response = get("/api/incidents");
        JsonNode body = MAPPER.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(body.path("count").asInt()).isEqualTo(2);
        assertThat(body.path("incidents").get(0).path("id").asText()).isEqualTo(old.id());
        assertThat(body.path("incidents").get(0).has("timeline")).isFalse();
    }

    @Test
    void sinceLeavesOutOlderIncidents() throws Exception {
        JsonNode body = MAPPER.readTree(get("/api/incidents?since=1h").body());

        assertThat(body.path("count").asInt()).isEqualTo(1);
        assertThat(body.path("incidents").get(0).path("id").asText()).isEqualTo(recent.id());
    }

    @Test
    void oneIncidentComesWithItsTimelineAndParsesBack() throws Exception {
        HttpResponse<String> response = get("/api/incidents/" + recent.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IncidentLogReader.parse(response.body())).isEqualTo(recent);
    }

    @Test
    void anUnknownIdIs404AndABadSinceIs400() throws Exception {
        HttpResponse<String> missing = get("/api/incidents/ZZZZZZ");
        HttpResponse<String> badSince = get("/api/incidents?since=yesterday");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(missing.body()).path("error").asText()).contains("ZZZZZZ");
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(badSince.body()).path("error").asText())
                .contains("not a duration");
    }

    @Test
    void onlyGetIsServed() throws Exception {
        URI uri =
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/incidents");
        HttpRequest post =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build();

        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }
}
