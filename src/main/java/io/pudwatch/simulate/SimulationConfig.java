package io.pudwatch.simulate;

import java.time.Duration;

/**
 * The parameters of one simulated host. Rates are per simulated second; delays are the means of
 * exponential distributions.
 *
 * @param vms VM processes, each with one VFIO BAR mapped by 1 GiB PUD entries
 * @param barGib BAR size in GiB, which is the number of PUD entries per VM
 * @param walkers threads that read numa_maps or smaps of a random VM
 * @param walkRate reads per second per walker
 * @param refaultRate DMA-map sweeps per second per VM; each refaults every cleared PUD of the BAR
 * @param recheckNs split to {@code pud_none()} re-check: the window a reinstall must hit
 * @param againNs re-check to the walker's next look at the same entry
 * @param sweepPudNs time a DMA-map sweep spends on one PUD
 * @param crashProbability how often a descent into a leaf faults rather than reading garbage
 * @param lossRate the chance that the kernel drops any one event
 * @param disorderNs how far out of order events are delivered (per-CPU buffers)
 * @param vmRestartRate VM restarts per second per VM; an exit frees the mm for reuse
 */
public record SimulationConfig(
        long seed,
        Duration duration,
        KernelBehaviour kernel,
        int vms,
        int barGib,
        int walkers,
        double walkRate,
        double refaultRate,
        long recheckNs,
        long againNs,
        long sweepPudNs,
        double crashProbability,
        double lossRate,
        long disorderNs,
        double vmRestartRate) {

    public SimulationConfig {
        positive(vms, "vms");
        positive(barGib, "barGib");
        if (walkers < 0) {
            throw new IllegalArgumentException("The number of walkers must not be negative.");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The simulated duration must be positive.");
        }
        probability(crashProbability, "crash probability");
        probability(lossRate, "loss rate");
        if (walkRate < 0 || refaultRate < 0 || vmRestartRate < 0) {
            throw new IllegalArgumentException("Rates must not be negative.");
        }
        if (recheckNs < 1 || againNs < 1 || sweepPudNs < 1 || disorderNs < 0) {
            throw new IllegalArgumentException("Delays must be at least 1 ns.");
        }
    }

    /** A busy host: four 64 GiB VMs, two readers, frequent DMA mapping. */
    public static SimulationConfig defaults(KernelBehaviour kernel) {
        return new SimulationConfig(
                1,
                Duration.ofSeconds(10),
                kernel,
                4,
                64,
                2,
                5,
                300,
                2_000,
                400,
                1_000,
                0.8,
                0,
                0,
                0);
    }

    /** The same host with another seed. */
    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(
                newSeed,
                duration,
                kernel,
                vms,
                barGib,
                walkers,
                walkRate,
                refaultRate,
                recheckNs,
                againNs,
                sweepPudNs,
                crashProbability,
                lossRate,
                disorderNs,
                vmRestartRate);
    }

    /** The same host simulated for another span. */
    public SimulationConfig withDuration(Duration newDuration) {
        return new SimulationConfig(
                seed,
                newDuration,
                kernel,
                vms,
                barGib,
                walkers,
                walkRate,
                refaultRate,
                recheckNs,
                againNs,
                sweepPudNs,
                crashProbability,
                lossRate,
                disorderNs,
                vmRestartRate);
    }

    /** The same host seen through a lossy, out-of-order delivery. */
    public SimulationConfig withDelivery(double newLossRate, long newDisorderNs) {
        return new SimulationConfig(
                seed,
                duration,
                kernel,
                vms,
                barGib,
                walkers,
                walkRate,
                refaultRate,
                recheckNs,
                againNs,
                sweepPudNs,
                crashProbability,
                newLossRate,
                newDisorderNs,
                vmRestartRate);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("The number of " + name + " must be at least 1.");
        }
    }

    private static void probability(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "The " + name + " must be between 0 and 1, not " + value + ".");
        }
    }
}
