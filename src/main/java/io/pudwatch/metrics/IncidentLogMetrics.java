package io.pudwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.LongSupplier;

/**
 * The health of the incident log: incidents that never reached the disk, and timelines given up to
 * stay within memory. Read from the recorder's own counters at scrape time.
 */
public final class IncidentLogMetrics implements MeterBinder {
    private final LongSupplier dropped;
    private final LongSupplier writeFailures;
    private final LongSupplier timelineEvictions;

    /**
     * @param dropped incidents dropped because the write queue was full
     * @param writeFailures incidents whose write to the state directory failed
     * @param timelineEvictions per-mm timelines evicted to make room for others
     */
    public IncidentLogMetrics(
            LongSupplier dropped, LongSupplier writeFailures, LongSupplier timelineEvictions) {
        this.dropped = dropped;
        this.writeFailures = writeFailures;
        this.timelineEvictions = timelineEvictions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                "pudwatch.incidents.dropped",
                dropped,
                "Incidents not recorded because the write queue was full.");
        counter(
                registry,
                "pudwatch.incident.write.failures",
                writeFailures,
                "Incidents that could not be recorded: not built, or not written to the state"
                        + " directory.");
        counter(
                registry,
                "pudwatch.timelines.evicted",
                timelineEvictions,
                "Per-mm event timelines evicted to make room for busier mms.");
    }

    private static void counter(
            MeterRegistry registry, String name, LongSupplier value, String description) {
        FunctionCounter.builder(name, value, LongSupplier::getAsLong)
                .description(description)
                .register(registry);
    }
}
