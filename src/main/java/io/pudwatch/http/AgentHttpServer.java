package io.pudwatch.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.pudwatch.metrics.PudwatchMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP endpoints: {@code /metrics} (Prometheus text or OpenMetrics, as the scraper
 * asks), {@code /healthz}, {@code /readyz}, and whatever else is {@linkplain #mount mounted}.
 *
 * <p>With a password file, {@code /metrics} and mounted handlers need basic auth; {@code /healthz}
 * and {@code /readyz} stay open for local health checkers and say nothing about incidents.
 */
public final class AgentHttpServer implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(AgentHttpServer.class);
    private static final Set<String> RESERVED = Set.of("/metrics", "/healthz", "/readyz");

    /** Scrapes are rare and short; four threads serve a scraper, a health checker and a person. */
    private static final int THREADS = 4;

    /** Requests waiting beyond this many are served on the accepting thread, which slows intake. */
    private static final int QUEUE = 64;

    private final HttpServer server;
    private final Authenticator authenticator;
    private final ThreadPoolExecutor executor;
    private String scheme;
    private String host;

    private AgentHttpServer(
            HttpServer server, Authenticator authenticator, ThreadPoolExecutor executor) {
        this.server = server;
        this.authenticator = authenticator;
        this.executor = executor;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IOException when the address cannot be bound; the message names it
     */
    public static AgentHttpServer start(
            HttpSettings settings, PudwatchMetrics metrics, Supplier<Readiness> readiness)
            throws IOException {
        AgentHttpServer server = bind(settings, metrics, readiness);
        server.start();
        return server;
    }

    /**
     * Binds the server without serving yet, so that handlers can be mounted before the first
     * request: a scraper must not see {@code /api/incidents} missing at start-up.
     *
     * @throws IOException when the address cannot be bound; the message names it
     */
    public static AgentHttpServer bind(
            HttpSettings settings, PudwatchMetrics metrics, Supplier<Readiness> readiness)
            throws IOException {
        InetSocketAddress address = settings.listen().toSocketAddress();
        HttpServer server;
        try {
            if (settings.tls() != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(settings.tls()));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
        } catch (IOException e) {
            throw new IOException(
                    "Cannot listen on "
                            + settings.listen()
                            + " ("
                            + e.getMessage()
                            + "); pick another address or port with --listen.",
                    e);
        }
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        60,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        r -> {
                            Thread t = new Thread(r, "pudwatch-http");
                            t.setDaemon(true);
                            return t;
                        },
                        new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);

        Authenticator auth =
                settings.users() == null ? null : new PasswordFileAuthenticator(settings.users());
        AgentHttpServer agentServer = new AgentHttpServer(server, auth, executor);
        agentServer.context("/metrics", scrapeHandler(metrics), true);
        agentServer.context("/healthz", HealthHandlers.liveness(), false);
        agentServer.context("/readyz", HealthHandlers.readiness(readiness), false);
        agentServer.scheme = settings.tls() != null ? "https" : "http";
        agentServer.host = settings.listen().host();
        return agentServer;
    }

    /** Starts serving what is mounted. */
    public void start() {
        server.start();
        logger.info(
                "Serving /metrics, /healthz and /readyz on {}://{}:{}.",
                scheme,
                host,
                server.getAddress().getPort());
    }

    /**
     * Serves {@code handler} under {@code path} (a prefix, as in {@link HttpServer#createContext}),
     * behind basic auth when a password file is set. Best called before {@link #start()}.
     *
     * @throws IllegalArgumentException for a path that is not absolute or that a built-in uses
     */
    public void mount(String path, HttpHandler handler) {
        if (!path.startsWith("/") || path.equals("/") || RESERVED.contains(path)) {
            throw new IllegalArgumentException(
                    "Cannot mount a handler at '"
                            + path
                            + "'; use an absolute path other than /,"
                            + " /metrics, /healthz and /readyz.");
        }
        context(path, handler, true);
    }

    /** The bound address; its port is the one picked when port 0 was asked for. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        // No grace period: the JDK server waits out the whole delay even when idle, and a
        // scraper whose request is cut retries at its next interval.
        server.stop(0);
        executor.shutdownNow();
    }

    private void context(String path, HttpHandler handler, boolean protect) {
        HttpContext context = server.createContext(path, handler);
        if (protect && authenticator != null) {
            context.setAuthenticator(authenticator);
        }
    }

    private static HttpHandler scrapeHandler(PudwatchMetrics metrics) {
        MetricsHandler prometheus = new MetricsHandler(metrics.prometheusRegistry());
        return exchange -> {
            if (PlainText.rejectUnlessRead(exchange)) {
                return;
            }
            metrics.beforeScrape();
            prometheus.handle(exchange);
        };
    }
}
