package io.pudwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.LongSupplier;

/**
 * The live source's own counters: how the ring buffer is read ({@code pudwatch_ring_*}) and what
 * the BPF program counts in the kernel ({@code pudwatch_kernel_pud_splits_total}, {@code
 * pudwatch_bpf_map_update_failures_total}). Read at scrape time from suppliers, so that this
 * package needs nothing of the probe package.
 */
public final class LiveSourceMetrics implements MeterBinder {
    /**
     * Where each counter is read; each must be cheap, thread-safe and never decrease.
     *
     * @param recordsRead records read from the ring buffer
     * @param recordsDecoded records decoded into events and delivered
     * @param recordsMalformed records the decoder refused (too short, unknown type)
     * @param recordsDiscarded records the producer discarded instead of committing
     * @param wakeups times the reader woke from its wait because data arrived
     * @param batches batches drained, each released to the kernel with one store
     * @param kernelPudSplits every __split_huge_pud call the kernel made, in walks or not
     * @param mapUpdateFailures updates of the BPF program's state maps the kernel refused
     */
    public record Readings(
            LongSupplier recordsRead,
            LongSupplier recordsDecoded,
            LongSupplier recordsMalformed,
            LongSupplier recordsDiscarded,
            LongSupplier wakeups,
            LongSupplier batches,
            LongSupplier kernelPudSplits,
            LongSupplier mapUpdateFailures) {}

    private final Readings readings;

    public LiveSourceMetrics(Readings readings) {
        this.readings = readings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                "pudwatch.ring.records",
                "Records read from the kernel's ring buffer.",
                readings.recordsRead());
        counter(
                registry,
                "pudwatch.ring.records.decoded",
                "Ring buffer records decoded into events.",
                readings.recordsDecoded());
        counter(
                registry,
                "pudwatch.ring.records.malformed",
                "Ring buffer records refused as too short or of an unknown type.",
                readings.recordsMalformed());
        counter(
                registry,
                "pudwatch.ring.records.discarded",
                "Ring buffer records the kernel side discarded.",
                readings.recordsDiscarded());
        counter(
                registry,
                "pudwatch.ring.wakeups",
                "Times the ring buffer reader woke because data arrived.",
                readings.wakeups());
        counter(
                registry,
                "pudwatch.ring.batches",
                "Batches of records drained from the ring buffer.",
                readings.batches());
        counter(
                registry,
                "pudwatch.kernel.pud.splits",
                "PUD splits (__split_huge_pud calls) the kernel made, inside walks or not.",
                readings.kernelPudSplits());
        counter(
                registry,
                "pudwatch.bpf.map.update.failures",
                "Updates of the BPF program's state maps the kernel refused: detection may have"
                        + " missed events.",
                readings.mapUpdateFailures());
    }

    private static void counter(
            MeterRegistry registry, String name, String help, LongSupplier reading) {
        FunctionCounter.builder(name, reading, r -> r.getAsLong())
                .description(help)
                .register(registry);
    }
}
