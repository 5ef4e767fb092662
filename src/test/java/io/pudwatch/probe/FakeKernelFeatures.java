package io.pudwatch.probe;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A kernel described by a fixture: which mechanisms it has and which symbols. */
final class FakeKernelFeatures implements KernelFeatures {
    boolean kprobes;
    boolean fentry;
    boolean btf = true;
    final Set<String> btfFunctions = new HashSet<>();
    final Set<String> tracepoints =
            new HashSet<>(
                    Set.of(
                            "exceptions:page_fault_kernel",
                            "mmap:exit_mmap",
                            "mmap_lock:mmap_lock_start_locking"));

    /** Base name to the kallsyms symbol (possibly suffixed). */
    final Map<String, String> kallsyms =
            new java.util.HashMap<>(
                    Map.of(
                            "__walk_page_range", "__walk_page_range",
                            "walk_page_vma", "walk_page_vma",
                            "__split_huge_pud", "__split_huge_pud",
                            "vmf_insert_pfn_pud", "vmf_insert_pfn_pud",
                            "gather_pte_stats", "gather_pte_stats.isra.0",
                            "smaps_pte_range", "smaps_pte_range"));

    @Override
    public boolean hasKprobes() {
        return kprobes;
    }

    @Override
    public boolean hasFentry() {
        return fentry;
    }

    @Override
    public boolean hasBtfFunction(String name) {
        return btfFunctions.contains(name);
    }

    @Override
    public boolean hasStructMember(String struct, String member) {
        return btf;
    }

    @Override
    public boolean hasTracepoint(String category, String name) {
        return tracepoints.contains(category + ":" + name);
    }

    @Override
    public Optional<String> findFunction(String name) {
        return Optional.ofNullable(kallsyms.get(name));
    }

    @Override
    public String whyNoKprobes() {
        return "no kprobe PMU";
    }

    @Override
    public String whyNoFentry() {
        return "fentry refused";
    }
}
