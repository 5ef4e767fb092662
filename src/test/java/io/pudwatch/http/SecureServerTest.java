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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class SecureServerTest {
    private static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1", 0);

    @TempDir Path dir;
    private final PudwatchMetrics metrics = new PudwatchMetrics(new MockClock(), false);
    private AgentHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    @Test
    void metricsAreServedOverTlsFromPemFiles() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SSLContext tls = TlsSettings.fromPem(certs.certPem, certs.keyPem);
        server = start(new HttpSettings(LOOPBACK, tls, null));

        HttpResponse<String> r = send(client(certs.clientContext()), "https", "/metrics", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("pudwatch_build_info");
    }

    @Test
    void metricsAreServedOverTlsFromAPkcs12Keystore() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SSLContext tls = TlsSettings.fromPkcs12(certs.keystore, TestCertificates.PASSWORD);
        server = start(new HttpSettings(LOOPBACK, tls, null));

        assertThat(send(client(certs.clientContext()), "https", "/healthz", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        server =
                start(
                        new HttpSettings(
                                LOOPBACK, TlsSettings.fromPem(certs.certPem, certs.keyPem), null));

        assertThatThrownBy(() -> send(client(SSLContext.getDefault()), "https", "/healthz", null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aKeystoreWithTheWrongPasswordIsRejectedAtStartUp() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);

        assertThatThrownBy(() -> TlsSettings.fromPkcs12(certs.keystore, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(certs.keystore.toString());
    }

    @Test
    void basicAuthGuardsMetricsButNotHealth() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(
                users,
                "# scrapers\nprometheus:" + BCrypt.hashpw("s3cret", BCrypt.gensalt(4)) + "\n");
        server = start(new HttpSettings(LOOPBACK, null, PasswordFile.read(users)));
        HttpClient client = client(null);

        assertThat(send(client, "http", "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(send(client, "http", "/metrics", basic("prometheus", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(send(client, "http", "/metrics", basic("nobody", "s3cret")).statusCode())
                .isEqualTo(401);
        assertThat(send(client, "http", "/metrics", basic("prometheus", "s3cret")).statusCode())
                .isEqualTo(200);
        assertThat(send(client, "http", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(send(client, "http", "/readyz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void mountedHandlersAreGuardedToo() throws Exception {
        Path users = dir.resolve("users");
        // sha256 of "token-0123456789abcdef0123456789abcdef"
        Files.writeString(
                users, "grafana:sha256:" + sha256("token-0123456789abcdef0123456789abcdef") + "\n");
        server = start(new HttpSettings(LOOPBACK, null, PasswordFile.read(users)));
        server.mount(
                "/api/incidents",
                exchange -> {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        HttpClient client = client(null);

        assertThat(send(client, "http", "/api/incidents", null).statusCode()).isEqualTo(401);
        assertThat(
                        send(
                                        client,
                                        "http",
                                        "/api/incidents",
                                        basic("grafana", "token-0123456789abcdef0123456789abcdef"))
                                .statusCode())
                .isEqualTo(204);
    }

    private AgentHttpServer start(HttpSettings settings) throws Exception {
        return AgentHttpServer.start(settings, metrics, () -> new Readiness(true, List.of("test")));
    }

    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            b.sslContext(tls);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpClient client, String scheme, String path, String auth)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        scheme
                                                + "://127.0.0.1:"
                                                + server.address().getPort()
                                                + path))
                        .timeout(Duration.ofSeconds(10));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
