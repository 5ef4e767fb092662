package io.pudwatch.http;

import io.pudwatch.agent.Agent;
import io.pudwatch.agent.EventSource;
import io.pudwatch.agent.HeartbeatSource;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.metrics.Exposure;
import io.pudwatch.metrics.IncidentMetrics;
import io.pudwatch.metrics.KernelMetrics;
import io.pudwatch.metrics.PipelineMetrics;
import io.pudwatch.metrics.ProbeMetrics;
import io.pudwatch.metrics.ProbeStates;
import io.pudwatch.metrics.PudwatchMetrics;
import io.pudwatch.metrics.ReadinessMetrics;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent with its metrics and HTTP endpoints: what {@code pudwatch run} and {@code pudwatch demo}
 * start. The server is up before the first event, and stays up after a finite input ends.
 */
public final class ServedAgent implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ServedAgent.class);

    /**
     * What to serve.
     *
     * @param kind whether the source ends by itself (replay, a bounded simulation)
     * @param staleAfter a live source silent this long is not ready
     */
    public record Settings(
            ReadinessCheck.SourceKind kind,
            CorrelatorConfig correlator,
            long reorderWindowNs,
            ProbeStates probes,
            Exposure exposure,
            HttpSettings http,
            Duration staleAfter) {}

    /**
     * Adds watchers to a served agent before its first event: event taps, incident listeners, HTTP
     * handlers, meters. What it returns is closed after the agent has stopped.
     */
    @FunctionalInterface
    public interface Extension {
        AutoCloseable install(ServedAgent served) throws IOException;

        /** Adds nothing. */
        static Extension none() {
            return served -> () -> {};
        }
    }

    private final Agent agent;
    private final PudwatchMetrics metrics;
    private final ReadinessCheck readiness;
    private AgentHttpServer server;
    private AutoCloseable extension = () -> {};

    private ServedAgent(Agent agent, PudwatchMetrics metrics, ReadinessCheck readiness) {
        this.agent = agent;
        this.metrics = metrics;
        this.readiness = readiness;
    }

    /**
     * Binds the server, then starts the agent's feeder.
     *
     * @throws IOException when the listen address cannot be bound; nothing is left running
     */
    public static ServedAgent start(EventSource source, Settings settings) throws IOException {
        return start(source, settings, Extension.none());
    }

    /**
     * Binds the server, installs the extension, starts serving, then starts the agent's feeder.
     *
     * @throws IOException when the listen address cannot be bound or the extension cannot be
     *     installed; nothing is left running
     */
    public static ServedAgent start(EventSource source, Settings settings, Extension extension)
            throws IOException {
        HeartbeatSource heartbeat = new HeartbeatSource(source);
        Agent agent = new Agent(heartbeat, settings.correlator(), settings.reorderWindowNs());
        ReadinessCheck readiness =
                new ReadinessCheck(
                        agent,
                        heartbeat,
                        settings.probes(),
                        settings.kind(),
                        settings.staleAfter(),
                        System::nanoTime);
        PudwatchMetrics metrics = new PudwatchMetrics();
        IncidentMetrics incidents = new IncidentMetrics();
        metrics.bind(new PipelineMetrics(agent.pipeline()))
                .bind(incidents)
                .bind(new ProbeMetrics(settings.probes()))
                .bind(new KernelMetrics(settings.exposure()))
                .bind(new ReadinessMetrics(() -> readiness.check().ready()));
        agent.addIncidentListener(incidents);

        ServedAgent served = new ServedAgent(agent, metrics, readiness);
        try {
            served.server = AgentHttpServer.bind(settings.http(), metrics, readiness::check);
        } catch (IOException | RuntimeException e) {
            agent.close();
            metrics.close();
            throw e;
        }
        try {
            served.extension = extension.install(served);
        } catch (IOException | RuntimeException e) {
            served.close();
            throw e;
        }
        served.server.start();
        agent.start();
        return served;
    }

    public Agent agent() {
        return agent;
    }

    public PudwatchMetrics metrics() {
        return metrics;
    }

    public AgentHttpServer server() {
        return server;
    }

    public Readiness readiness() {
        return readiness.check();
    }

    /** Stops the source, then what the extension added, then the server, then the meters. */
    @Override
    public void close() {
        agent.close();
        try {
            extension.close();
        } catch (Exception e) {
            logger.warn("Closing the agent's incident log and watchers failed: {}", e.toString());
        }
        server.close();
        metrics.close();
    }
}
