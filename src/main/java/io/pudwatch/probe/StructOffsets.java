package io.pudwatch.probe;

import io.pudwatch.kernel.BtfFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The struct member offsets the BPF program reads, taken from the running kernel's BTF and passed
 * to the compile as {@code -D} macros, so the program never depends on the header tree bcc compiles
 * against: that tree may be of another release than the running kernel (Debian 12 ships 6.1 headers
 * only), and struct layouts change between releases.
 */
public final class StructOffsets {
    /** Macro name to {@code struct.member}; the BPF file's header lists the same names. */
    public static final Map<String, String> MEMBERS = members();

    private StructOffsets() {}

    private static Map<String, String> members() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PW_VMA_VM_MM", "vm_area_struct.vm_mm");
        // vm_flags sits in an anonymous union with __vm_flags since 6.3; BtfFile looks inside.
        m.put("PW_VMA_VM_FLAGS", "vm_area_struct.vm_flags");
        // vma and address sit in an anonymous const struct since 5.10.
        m.put("PW_VMF_VMA", "vm_fault.vma");
        m.put("PW_VMF_PUD", "vm_fault.pud");
        m.put("PW_VMF_ADDRESS", "vm_fault.address");
        m.put("PW_WALK_OPS", "mm_walk.ops");
        m.put("PW_WALK_MM", "mm_walk.mm");
        m.put("PW_WALK_VMA", "mm_walk.vma");
        m.put("PW_OPS_PMD_ENTRY", "mm_walk_ops.pmd_entry");
        return Map.copyOf(m);
    }

    /** Each macro with its offset in {@code btf}, -1 for a member the kernel lacks. */
    public static Map<String, Long> resolve(BtfFile btf) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : MEMBERS.entrySet()) {
            String[] parts = e.getValue().split("\\.");
            offsets.put(e.getKey(), btf == null ? -1 : btf.memberOffset(parts[0], parts[1]));
        }
        return offsets;
    }

    /** The offsets as compiler flags. */
    public static List<String> cflags(Map<String, Long> offsets) {
        return offsets.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
