package io.pudwatch.doctor;

/**
 * A PCI device bound to a VFIO driver, with its largest memory BAR.
 *
 * @param address the PCI address, {@code 0000:41:00.0}
 * @param driver {@code vfio-pci}, {@code nvgrace-gpu-vfio-pci}, or another VFIO variant driver
 * @param largestBarBytes the size of its largest memory BAR, 0 when it has none
 */
public record VfioDevice(String address, String driver, long largestBarBytes) {
    /** A PUD maps 1 GiB on x86_64: a smaller BAR is never mapped by a PUD leaf. */
    public static final long PUD_SIZE = 1L << 30;

    /** Whether its BAR is large enough for a 1 GiB PUD mapping. */
    public boolean hasPudSizedBar() {
        return largestBarBytes >= PUD_SIZE;
    }
}
