package io.pudwatch.probe;

import io.pudwatch.kernel.Kallsyms;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Names a walker from its {@code ops->pmd_entry} function address: {@code gather_pte_stats} is a
 * numa_maps reader, {@code smaps_pte_range} an smaps reader; the other pmd_entry callbacks of
 * v6.12-v6.18 that walk a process's VMAs are named after their function. Every address is resolved
 * once, when the live source opens, from the kallsyms it read then: naming a walker on the event
 * path is a map lookup, never a read of /proc/kallsyms.
 */
public final class WalkerNames {
    /**
     * The pmd_entry callbacks worth a name, by function: the two walkers that can hit the window,
     * then the walkers that skip or hole VM_PFNMAP VMAs (their walk_start still shows up).
     */
    static final Map<String, String> CALLBACKS =
            Map.ofEntries(
                    Map.entry("gather_pte_stats", "numa_maps"),
                    Map.entry("smaps_pte_range", "smaps"),
                    Map.entry("pagemap_pmd_range", "pagemap_pmd_range"),
                    Map.entry("pagemap_scan_pmd_entry", "pagemap_scan_pmd_entry"),
                    Map.entry("clear_refs_pte_range", "clear_refs_pte_range"),
                    Map.entry("mincore_pte_range", "mincore_pte_range"),
                    Map.entry("madvise_cold_or_pageout_pte_range", "madvise_cold_or_pageout"),
                    Map.entry("madvise_free_pte_range", "madvise_free_pte_range"),
                    Map.entry("damon_mkold_pmd_entry", "damon_mkold_pmd_entry"),
                    Map.entry("damon_young_pmd_entry", "damon_young_pmd_entry"),
                    Map.entry("queue_folios_pte_range", "queue_folios_pte_range"),
                    Map.entry("migrate_vma_collect_pmd", "migrate_vma_collect_pmd"));

    private final Long2ObjectHashMap<String> known = new Long2ObjectHashMap<>();

    /** Resolves the address of every callback of {@link #CALLBACKS} that {@code kallsyms} has. */
    public WalkerNames(Kallsyms kallsyms) {
        CALLBACKS.forEach(
                (function, name) ->
                        kallsyms.function(function).ifPresent(s -> known.put(s.address(), name)));
        // kptr_restrict shows every address as 0, which names nothing.
        known.remove(0L);
    }

    /** The walker kind for {@code address}, or {@code null} for a callback not named above. */
    public String nameOf(long address) {
        return address == 0 ? null : known.get(address);
    }
}
