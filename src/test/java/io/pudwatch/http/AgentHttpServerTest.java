package io.pudwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.pudwatch.metrics.PudwatchMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentHttpServerTest {
    private static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1", 0);

    private final PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false);
    private final AtomicReference<Readiness> readiness =
            new AtomicReference<>(new Readiness(false, List.of("replay has not started yet")));
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AgentHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    @Test
    void metricsAreServedAsPrometheusTextByDefault() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        HttpResponse<String> r = get("/metrics", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).contains("# TYPE pudwatch_build_info gauge");
    }

    @Test
    void metricsAreServedAsOpenMetricsWhenTheScraperAsks() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        HttpResponse<String> r =
                get("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");

        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(r.body()).endsWith("# EOF\n");
    }

    @Test
    void readinessAnswers503WithWhatIsMissingThen200() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        HttpResponse<String> notReady = get("/readyz", null);
        readiness.set(new Readiness(true, List.of("replay running")));
        HttpResponse<String> ready = get("/readyz", null);

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("not ready\nreplay has not started yet\n");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aMountedHandlerIsServedUnderItsPath() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        server.mount(
                "/api/incidents",
                exchange -> {
                    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });

        assertThat(get("/api/incidents", null).body()).isEqualTo("[]");
        assertThat(get("/nothing-here", null).statusCode()).isEqualTo(404);
    }

    @Test
    void builtInPathsCannotBeMountedOver() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        assertThatThrownBy(() -> server.mount("/metrics", exchange -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/metrics");
    }

    @Test
    void writingMethodsAreRefused() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);

        HttpResponse<String> r =
                client.send(
                        HttpRequest.newBuilder(uri("http", "/metrics"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(405);
    }

    @Test
    void aTakenPortIsReportedWithTheAddressAndTheFix() throws Exception {
        server = AgentHttpServer.start(HttpSettings.plain(LOOPBACK), metrics, readiness::get);
        ListenAddress taken = new ListenAddress("127.0.0.1", server.address().getPort());

        assertThatThrownBy(
                        () ->
                                AgentHttpServer.start(
                                        HttpSettings.plain(taken), metrics, readiness::get))
                .hasMessageContaining("127.0.0.1:" + taken.port())
                .hasMessageContaining("--listen");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri("http", path)).timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.address().getPort() + path);
    }
}
