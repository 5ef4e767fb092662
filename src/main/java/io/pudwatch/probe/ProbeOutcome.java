package io.pudwatch.probe;

/**
 * One probe's plan or result: the function or tracepoint it targets (empty when none was found),
 * how it is attached, and why not when it is not.
 */
public record ProbeOutcome(
        Probe probe, String target, ProbeMode mode, ProbeStatus status, String reason) {
    public String name() {
        return probe.label();
    }

    /** Whether the probe delivers (or, in a plan, can deliver) events. */
    public boolean usable() {
        return status == ProbeStatus.ATTACHED || status == ProbeStatus.AVAILABLE;
    }

    ProbeOutcome with(ProbeMode newMode, ProbeStatus newStatus, String newReason) {
        return new ProbeOutcome(probe, target, newMode, newStatus, newReason);
    }
}
