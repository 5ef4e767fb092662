package io.pudwatch.probe;

import io.pudwatch.kernel.Kallsyms;
import java.io.IOException;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Names a walker from its {@code ops->pmd_entry} function address: {@code gather_pte_stats} is a
 * numa_maps reader, {@code smaps_pte_range} an smaps reader; any other callback is named after its
 * symbol. Unknown addresses are looked up in /proc/kallsyms once, then cached.
 */
public final class WalkerNames {
    private final Long2ObjectHashMap<String> known = new Long2ObjectHashMap<>();
    private final boolean lookUpUnknown;

    /** Names from {@code kallsyms}, looking unknown addresses up in /proc/kallsyms if asked. */
    public WalkerNames(Kallsyms kallsyms, boolean lookUpUnknown) {
        this.lookUpUnknown = lookUpUnknown;
        kallsyms.function("gather_pte_stats").ifPresent(s -> known.put(s.address(), "numa_maps"));
        kallsyms.function("smaps_pte_range").ifPresent(s -> known.put(s.address(), "smaps"));
        known.remove(0L);
    }

    /** The walker kind for {@code address}, or {@code null} when it cannot be named. */
    public String nameOf(long address) {
        if (address == 0) {
            return null;
        }
        String name = known.get(address);
        if (name != null) {
            return name.isEmpty() ? null : name;
        }
        if (!lookUpUnknown) {
            return null;
        }
        name = lookUp(address);
        known.put(address, name == null ? "" : name);
        return name;
    }

    private static String lookUp(long address) {
        try {
            String name = Kallsyms.read(Kallsyms.PROC_KALLSYMS, List.of("")).functionAt(address);
            if (name == null) {
                return null;
            }
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        } catch (IOException e) {
            return null;
        }
    }
}
