package io.pudwatch.metrics;

/**
 * Supplies the host's kernel exposure each time metrics are scraped. The live agent plugs in the
 * host exposure check; replay and demo derive it from the trace header.
 */
@FunctionalInterface
public interface Exposure {
    /** Must be quick and must not throw: it runs inside a scrape. */
    KernelExposure current();

    /** A fixed answer. */
    static Exposure of(KernelExposure exposure) {
        return () -> exposure;
    }
}
