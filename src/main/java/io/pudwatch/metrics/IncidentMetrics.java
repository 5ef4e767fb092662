package io.pudwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.IncidentListener;
import io.pudwatch.correlate.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts incidents by outcome, walker kind and fault source, and records each one's
 * split-to-install window.
 *
 * <p>Every label combination is registered up front at zero: a counter that appears only with its
 * first increment would hide that increment from PromQL's {@code increase()}.
 */
public final class IncidentMetrics implements MeterBinder, IncidentListener {
    /**
     * Bucket bounds of the window histogram. The window of a simulated vulnerable host is a few
     * microseconds (split to {@code pud_none()} re-check); a window near the 1 s timeout means the
     * walker stalled. Twelve bounds keep the series count small.
     */
    static final Duration[] WINDOW_BUCKETS = {
        Duration.ofNanos(100),
        Duration.ofNanos(250),
        Duration.ofNanos(500),
        Duration.ofNanos(1_000),
        Duration.ofNanos(2_500),
        Duration.ofNanos(5_000),
        Duration.ofNanos(10_000),
        Duration.ofNanos(100_000),
        Duration.ofMillis(1),
        Duration.ofMillis(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(1)
    };

    private final Counter[][][] incidents =
            new Counter[Outcome.values().length][IncidentLabels.WALKERS.size()]
                    [IncidentLabels.SOURCES.size()];
    private volatile Timer window;

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            for (int w = 0; w < IncidentLabels.WALKERS.size(); w++) {
                for (int s = 0; s < IncidentLabels.SOURCES.size(); s++) {
                    incidents[outcome.ordinal()][w][s] =
                            Counter.builder("pudwatch.incidents")
                                    .description(
                                            "Split windows reinstalled by another thread, by"
                                                    + " outcome, walker kind and fault source.")
                                    .tag("outcome", outcome.label())
                                    .tag("walker", IncidentLabels.WALKERS.get(w))
                                    .tag("source", IncidentLabels.SOURCES.get(s))
                                    .register(registry);
                }
            }
        }
        window =
                Timer.builder("pudwatch.window")
                        .description("Time from a PUD split to the reinstall that hit its window.")
                        .serviceLevelObjectives(WINDOW_BUCKETS)
                        .minimumExpectedValue(WINDOW_BUCKETS[0])
                        .maximumExpectedValue(WINDOW_BUCKETS[WINDOW_BUCKETS.length - 1])
                        .register(registry);
    }

    @Override
    public void onIncident(Incident incident) {
        Timer timer = window;
        if (timer == null) {
            return;
        }
        int w = IncidentLabels.walkerIndex(incident.walker().role());
        int s = IncidentLabels.sourceIndex(incident.installer().role());
        incidents[incident.outcome().ordinal()][w][s].increment();
        timer.record(Math.max(0, incident.windowNs()), TimeUnit.NANOSECONDS);
    }
}
