package io.pudwatch.probe;

import io.pudwatch.kernel.Kallsyms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** Lines of /proc/kallsyms, as a 6.18 kernel lists the functions the probes use. */
    final List<String> kallsyms =
            new ArrayList<>(
                    List.of(
                            "ffffffff8137e2a0 t __walk_page_range",
                            "ffffffff8137e6c0 T walk_page_vma",
                            "ffffffff813b1f50 T __split_huge_pud",
                            "ffffffff813b0a10 T vmf_insert_pfn_pud",
                            "ffffffff8146d8e0 t gather_pte_stats",
                            "ffffffff81468d30 t smaps_pte_range"));

    /** Replaces the kallsyms line of {@code name} by {@code replacement} (or drops it). */
    void replaceSymbol(String name, String replacement) {
        kallsyms.removeIf(line -> line.endsWith(" " + name));
        if (replacement != null) {
            kallsyms.add(replacement);
        }
    }

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
        return Kallsyms.of(kallsyms, List.of(name)).function(name).map(Kallsyms.Symbol::name);
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
