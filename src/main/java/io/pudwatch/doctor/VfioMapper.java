package io.pudwatch.doctor;

/**
 * A process that maps a VFIO device region: a QEMU, or any other VFIO user.
 *
 * @param largestMappingBytes its largest mapping of a VFIO region
 */
public record VfioMapper(long pid, String comm, long largestMappingBytes) {
    /** Whether the mapping is large enough to be mapped by a 1 GiB PUD leaf. */
    public boolean hasPudSizedMapping() {
        return largestMappingBytes >= VfioDevice.PUD_SIZE;
    }
}
