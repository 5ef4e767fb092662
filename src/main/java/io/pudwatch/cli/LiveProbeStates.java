package io.pudwatch.cli;

import io.pudwatch.metrics.ProbeState;
import io.pudwatch.metrics.ProbeStates;
import io.pudwatch.probe.LiveSource;
import io.pudwatch.probe.Probe;
import io.pudwatch.probe.ProbeStatus;

/** The live probes' report as the metrics and readiness see it. */
final class LiveProbeStates {
    private LiveProbeStates() {}

    /**
     * Every probe but the selftest's; attribution probes (the vfio-pci and nvgrace-gpu fault
     * handlers, absent while their modules are not loaded) are exported but not required.
     */
    static ProbeStates of(LiveSource source) {
        return () ->
                source.report().outcomes().stream()
                        .filter(o -> o.probe().importance() != Probe.Importance.SELFTEST)
                        .map(
                                o ->
                                        new ProbeState(
                                                o.name(),
                                                o.mode().label(),
                                                o.status() == ProbeStatus.ATTACHED,
                                                o.probe().importance()
                                                        != Probe.Importance.ATTRIBUTION))
                        .toList();
    }
}
