package io.pudwatch.http;

import io.pudwatch.agent.Agent;
import io.pudwatch.agent.AgentState;
import io.pudwatch.agent.HeartbeatSource;
import io.pudwatch.metrics.ProbeState;
import io.pudwatch.metrics.ProbeStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Decides readiness. A live agent is ready when every required probe is attached and events or idle
 * ticks arrived recently; a replay or simulation is ready while it runs and after it ended cleanly.
 */
public final class ReadinessCheck {
    /** Whether the source is expected to end by itself. */
    public enum SourceKind {
        LIVE,
        FINITE
    }

    private final Agent agent;
    private final HeartbeatSource heartbeat;
    private final ProbeStates probes;
    private final SourceKind kind;
    private final long staleAfterNs;
    private final LongSupplier nanoClock;

    /**
     * @param heartbeat the agent's source, wrapped, or {@code null} when it was not wrapped
     * @param staleAfter a live source silent for this long (no event, no idle tick) is not ready
     * @param nanoClock {@link System#nanoTime()} in production
     */
    public ReadinessCheck(
            Agent agent,
            HeartbeatSource heartbeat,
            ProbeStates probes,
            SourceKind kind,
            Duration staleAfter,
            LongSupplier nanoClock) {
        this.agent = agent;
        this.heartbeat = heartbeat;
        this.probes = probes;
        this.kind = kind;
        this.staleAfterNs = staleAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    public Readiness check() {
        List<String> missing = new ArrayList<>();
        String source = agent.source().describe();
        AgentState state = agent.state();
        switch (state) {
            case STARTING -> missing.add(source + " has not started yet");
            case FAILED -> missing.add(source + " failed: " + agent.failure());
            case STOPPED -> missing.add(source + " was stopped");
            case INPUT_ENDED -> {
                if (kind == SourceKind.LIVE) {
                    missing.add(source + " ended, which a live source must not do");
                }
            }
            case RUNNING -> {
                if (kind == SourceKind.LIVE) {
                    checkFlow(missing, source);
                }
            }
        }
        for (ProbeState probe : probes.get()) {
            if (probe.required() && !probe.attached()) {
                missing.add("probe " + probe.probe() + " (" + probe.mode() + ") is not attached");
            }
        }
        if (!missing.isEmpty()) {
            return new Readiness(false, missing);
        }
        return new Readiness(
                true,
                List.of(
                        source
                                + (state == AgentState.INPUT_ENDED ? " ended cleanly" : " running")
                                + ", "
                                + agent.events()
                                + " events"));
    }

    private void checkFlow(List<String> missing, String source) {
        long last =
                Math.max(agent.lastEventNanos(), heartbeat == null ? 0 : heartbeat.lastIdleNanos());
        if (last == 0) {
            missing.add(source + " has delivered no event and no idle tick yet");
            return;
        }
        long silentNs = nanoClock.getAsLong() - last;
        if (silentNs > staleAfterNs) {
            missing.add(
                    source
                            + " has delivered no event and no idle tick for "
                            + silentNs / 1_000_000_000L
                            + " s");
        }
    }
}
