package io.pudwatch.metrics;

/**
 * One probe as the metrics see it.
 *
 * @param probe the probe's name, from a fixed set (never a pid or an address)
 * @param mode how it is attached: {@code tracepoint}, {@code kprobe}, {@code fentry}, ...
 * @param attached whether it delivers events now
 */
public record ProbeState(String probe, String mode, boolean attached) {}
