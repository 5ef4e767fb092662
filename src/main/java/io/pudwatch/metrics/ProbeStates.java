package io.pudwatch.metrics;

import java.util.List;
import java.util.function.Supplier;

/**
 * Supplies the probes' states each time metrics are scraped or readiness is asked. The live agent
 * plugs in its probe report; replay and demo have no probes.
 */
@FunctionalInterface
public interface ProbeStates extends Supplier<List<ProbeState>> {
    /** No probes: events come from a trace or the simulator. */
    static ProbeStates none() {
        return List::of;
    }
}
