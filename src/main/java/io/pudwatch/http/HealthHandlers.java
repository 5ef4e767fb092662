package io.pudwatch.http;

import com.sun.net.httpserver.HttpHandler;
import java.util.function.Supplier;

/** {@code /healthz} (the process answers) and {@code /readyz} (it watches what it should). */
final class HealthHandlers {
    private HealthHandlers() {}

    static HttpHandler liveness() {
        return exchange -> {
            if (!PlainText.rejectUnlessRead(exchange)) {
                PlainText.send(exchange, 200, "ok\n");
            }
        };
    }

    static HttpHandler readiness(Supplier<Readiness> check) {
        return exchange -> {
            if (!PlainText.rejectUnlessRead(exchange)) {
                Readiness r = check.get();
                PlainText.send(exchange, r.ready() ? 200 : 503, r.body());
            }
        };
    }
}
