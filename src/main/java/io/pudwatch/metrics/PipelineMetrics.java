package io.pudwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pudwatch.correlate.CorrelatorStats;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.correlate.ReorderBuffer;
import io.pudwatch.event.EventType;
import java.util.function.ToDoubleFunction;

/**
 * The correlator's own counters, read at scrape time: nothing runs per event for these beyond what
 * {@link CorrelatorStats} already counts.
 */
public final class PipelineMetrics implements MeterBinder {
    private final CorrelatorStats stats;
    private final ReorderBuffer reorder;

    public PipelineMetrics(Pipeline pipeline) {
        this.stats = pipeline.correlator().stats();
        this.reorder = pipeline.reorderBuffer();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            FunctionCounter.builder("pudwatch.events", stats, s -> s.events(type))
                    .description("Events correlated, by trace v1 type.")
                    .tag("type", type.wireName())
                    .register(registry);
        }
        counter(
                registry,
                "pudwatch.lost.events",
                "Events the kernel reported lost.",
                s -> s.lostEvents());
        counter(
                registry,
                "pudwatch.windows.opened",
                "PUD splits that opened a window.",
                s -> s.windowsOpened());
        counter(
                registry,
                "pudwatch.window.hits",
                "Reinstalls that hit an open window (the first per window).",
                s -> s.hits());
        counter(
                registry,
                "pudwatch.windows.evicted",
                "Windows closed early because the open window cap was reached.",
                s -> s.windowsEvicted());
        counter(
                registry,
                "pudwatch.windows.uncertain",
                "Windows during which the kernel lost events.",
                s -> s.uncertainWindows());
        counter(
                registry,
                "pudwatch.walker.threads.forgotten",
                "Walker threads forgotten because the thread cap was reached.",
                s -> s.threadsForgotten());
        FunctionCounter.builder("pudwatch.late.events", reorder, r -> r.lateEvents())
                .description("Events that arrived later than the reorder window allows.")
                .register(registry);

        gauge(registry, "pudwatch.open.windows", "Split windows open now.", s -> s.openWindows());
        gauge(
                registry,
                "pudwatch.tracked.mms",
                "Distinct mms with an open window.",
                s -> s.trackedMms());
        gauge(
                registry,
                "pudwatch.tracked.threads",
                "Walker threads whose walk kind is remembered.",
                s -> s.trackedThreads());
    }

    private void counter(
            MeterRegistry registry, String name, String help, ToDoubleFunction<CorrelatorStats> f) {
        FunctionCounter.builder(name, stats, f).description(help).register(registry);
    }

    private void gauge(
            MeterRegistry registry, String name, String help, ToDoubleFunction<CorrelatorStats> f) {
        Gauge.builder(name, stats, f).description(help).strongReference(true).register(registry);
    }
}
