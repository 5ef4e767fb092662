package io.pudwatch.probe;

import java.util.List;

/**
 * The probes of {@code bpf/pudwatch.bpf.c}: where each attaches (candidate targets, newest first),
 * which program serves it, and what detection is lost without it.
 */
public enum Probe {
    WALK_ENTER(
            "walk-enter",
            Kind.ENTRY,
            Importance.ESSENTIAL,
            List.of(
                    new Target(
                            "__walk_page_range",
                            "pw_walk_enter",
                            "mm_walk.ops",
                            "mm_walk.mm",
                            "mm_walk.vma",
                            "mm_walk_ops.pmd_entry",
                            "vm_area_struct.vm_flags"),
                    new Target(
                            "walk_page_vma",
                            "pw_walk_vma",
                            "vm_area_struct.vm_mm",
                            "mm_walk_ops.pmd_entry",
                            "vm_area_struct.vm_flags")),
            "no split can be tied to a walker, so no window opens"),
    WALK_EXIT(
            "walk-exit",
            Kind.RETURN,
            Importance.ESSENTIAL,
            List.of(
                    new Target("__walk_page_range", "pw_walk_exit"),
                    new Target("walk_page_vma", "pw_walk_exit")),
            "walks never end, so windows close only by timeout"),
    PUD_SPLIT(
            "pud-split",
            Kind.ENTRY,
            Importance.ESSENTIAL,
            List.of(new Target("__split_huge_pud", "pw_split", "vm_area_struct.vm_mm")),
            "no PUD split is seen, so no window opens"),
    PUD_INSTALL(
            "pud-install",
            Kind.ENTRY,
            Importance.DETECTION,
            List.of(
                    new Target(
                            "vmf_insert_pfn_pud",
                            "pw_install",
                            "vm_fault.vma",
                            "vm_fault.pud",
                            "vm_fault.address",
                            "vm_area_struct.vm_mm")),
            "outcomes are seen but not the reinstall that caused them"),
    SOURCE_VFIO_PCI(
            "source-vfio-pci",
            Kind.ENTRY,
            Importance.ATTRIBUTION,
            List.of(new Target("vfio_pci_mmap_huge_fault", "pw_vfio_fault")),
            "installs are not attributed to vfio-pci"),
    SOURCE_NVGRACE_GPU(
            "source-nvgrace-gpu",
            Kind.ENTRY,
            Importance.ATTRIBUTION,
            List.of(new Target("nvgrace_gpu_vfio_pci_huge_fault", "pw_nvgrace")),
            "installs are not attributed to nvgrace-gpu"),
    PMD_ENTRY_NUMA_MAPS(
            "pmd-entry-numa-maps",
            Kind.ENTRY,
            Importance.DETECTION,
            List.of(new Target("gather_pte_stats", "pw_pmd_entry")),
            "silent descents of numa_maps readers go unseen"),
    PMD_ENTRY_SMAPS(
            "pmd-entry-smaps",
            Kind.ENTRY,
            Importance.DETECTION,
            List.of(new Target("smaps_pte_range", "pw_pmd_entry")),
            "silent descents of smaps readers go unseen"),
    KERNEL_FAULT(
            "kernel-fault",
            Kind.TRACEPOINT,
            Importance.DETECTION,
            List.of(new Target("exceptions:page_fault_kernel", "pw_kfault")),
            "crashes (kernel faults inside a window) go unseen"),
    MM_EXIT(
            "mm-exit",
            Kind.TRACEPOINT,
            Importance.DETECTION,
            List.of(new Target("mmap:exit_mmap", "pw_mm_exit")),
            "windows of an exited mm stay open until they time out"),
    STORM(
            "selftest-storm",
            Kind.TRACEPOINT,
            Importance.SELFTEST,
            List.of(new Target("mmap_lock:mmap_lock_start_locking", "pw_storm")),
            "nothing (it only loads the ring buffer in benchmarks)");

    /** Where a probe fires. */
    public enum Kind {
        ENTRY,
        RETURN,
        TRACEPOINT
    }

    /** What is lost without a probe, which decides the verdict of {@code check}. */
    public enum Importance {
        /** Without it no window opens: detection is impossible. */
        ESSENTIAL,
        /** Without it an outcome or cause goes unseen: detection is degraded. */
        DETECTION,
        /** Without it incidents lack a detail (the installer's source); not degraded. */
        ATTRIBUTION,
        /** Only attached when asked for; never part of the verdict. */
        SELFTEST
    }

    /**
     * One place a probe can attach: a kernel function (or {@code category:name} tracepoint), the
     * kprobe/tracepoint program for it, and the struct members that program reads.
     */
    public record Target(String symbol, String program, List<String> members) {
        Target(String symbol, String program, String... members) {
            this(symbol, program, List.of(members));
        }
    }

    private final String label;
    private final Kind kind;
    private final Importance importance;
    private final List<Target> targets;
    private final String lostWithout;

    Probe(
            String label,
            Kind kind,
            Importance importance,
            List<Target> targets,
            String lostWithout) {
        this.label = label;
        this.kind = kind;
        this.importance = importance;
        this.targets = targets;
        this.lostWithout = lostWithout;
    }

    /** The name in reports and metrics. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public Importance importance() {
        return importance;
    }

    public List<Target> targets() {
        return targets;
    }

    /** What detection is lost when this probe is missing. */
    public String lostWithout() {
        return lostWithout;
    }

    /**
     * Whether the kprobe program reads the function's arguments from registers (PT_REGS_PARM*):
     * every entry probe does; a return probe reads none.
     */
    boolean readsArguments() {
        return kind == Kind.ENTRY;
    }

    /**
     * Whether the program file has an fentry/fexit twin for this probe. Module functions (the fault
     * handlers) have none: bcc 0.26 names fentry programs after vmlinux functions only.
     */
    boolean hasFentryTwin() {
        return importance != Importance.ATTRIBUTION && kind != Kind.TRACEPOINT;
    }
}
