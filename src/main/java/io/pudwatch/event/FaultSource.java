package io.pudwatch.event;

/**
 * The fault handlers that can reinstall a huge PUD and that pudwatch names: the one table of
 * fault-source names for the BPF program's codes, the trace format's {@code source} field and the
 * {@code source} label of the metrics.
 *
 * <p>The code is what {@code bpf/pudwatch.bpf.c} writes in a pud_install record's aux field
 * (PW_SOURCE_*); like {@link EventType}'s codes it must not be renumbered.
 */
public enum FaultSource {
    /** vfio-pci's {@code vfio_pci_mmap_huge_fault} (6.12+, module vfio_pci_core). */
    VFIO_PCI("vfio_pci", 1),
    /** nvgrace-gpu's {@code nvgrace_gpu_vfio_pci_huge_fault} (6.19+). */
    NVGRACE_GPU("nvgrace_gpu", 2);

    private final String wireName;
    private final int code;

    FaultSource(String wireName, int code) {
        this.wireName = wireName;
        this.code = code;
    }

    /** The name in traces and metric labels. */
    public String wireName() {
        return wireName;
    }

    /** The code the BPF program writes for this source. */
    public int code() {
        return code;
    }

    /** The source the BPF program wrote as {@code code}, or {@code null} for an unknown code. */
    public static FaultSource ofCode(long code) {
        for (FaultSource source : values()) {
            if (source.code == code) {
                return source;
            }
        }
        return null;
    }
}
