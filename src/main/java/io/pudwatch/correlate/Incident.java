package io.pudwatch.correlate;

/**
 * A split window that a fault from another thread reinstalled before it closed.
 *
 * <p>Fields the trace did not give are {@code null}. Addresses are unsigned 64-bit values.
 *
 * @param mm the {@code struct mm_struct} of the walked process
 * @param pudp the address of the PUD entry
 * @param addr the base of the 1 GiB region the PUD maps
 * @param windowNs {@code installTs - splitTs}
 * @param uncertain whether the kernel lost events while the window was open
 */
public record Incident(
        long mm,
        long pudp,
        long addr,
        Outcome outcome,
        Party walker,
        Party installer,
        long splitTs,
        long installTs,
        long closeTs,
        long windowNs,
        boolean uncertain) {

    /**
     * A thread on one side of the race.
     *
     * @param role for the walker, its kind ({@code numa_maps}, {@code smaps}); for the installer,
     *     the fault source ({@code vfio_pci}, ...)
     */
    public record Party(Long pid, Long tid, String comm, String role) {}
}
