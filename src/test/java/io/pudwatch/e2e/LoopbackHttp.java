package io.pudwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests to the servers of the end-to-end test, all on 127.0.0.1. */
final class LoopbackHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A port that was free a moment ago; the servers bind it right after. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> get(int port, String pathAndQuery)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(int port, String pathAndQuery) throws IOException, InterruptedException {
        return JSON.readTree(get(port, pathAndQuery).body());
    }

    /** Evaluates an instant PromQL query; the answer holds status, and error or data. */
    JsonNode query(int prometheusPort, String promql) throws IOException, InterruptedException {
        return json(
                prometheusPort,
                "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Polls until {@code done} holds or the deadline passes; returns whether it held. */
    static boolean within(Duration limit, Check done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (done.holds()) {
                    return true;
                }
            } catch (IOException notYet) {
                // The server is not listening yet.
            }
            Thread.sleep(250);
        }
        return false;
    }

    interface Check {
        boolean holds() throws IOException, InterruptedException;
    }
}
