package io.pudwatch.metrics;

/**
 * One probe as the metrics see it.
 *
 * @param probe the probe's name, from a fixed set (never a pid or an address)
 * @param mode how it is attached: {@code tracepoint}, {@code kprobe}, {@code fentry}, ...
 * @param attached whether it delivers events now
 * @param required whether detection needs it: readiness waits for required probes only, so that a
 *     missing attribution probe (the vfio-pci module not loaded) does not hold a host out of
 *     service
 */
public record ProbeState(String probe, String mode, boolean attached, boolean required) {
    /** A probe detection needs. */
    public ProbeState(String probe, String mode, boolean attached) {
        this(probe, mode, attached, true);
    }
}
