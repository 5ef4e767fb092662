package io.pudwatch.event;

/**
 * The event types of trace format v1, in the order of their wire codes.
 *
 * <p>The wire code is what the BPF program writes in a record's type byte; it is part of the
 * contract between {@code bpf/pudwatch.bpf.c} and the decoder and must not be renumbered.
 */
public enum EventType {
    WALK_START("walk_start", 1),
    WALK_END("walk_end", 2),
    PUD_SPLIT("pud_split", 3),
    PUD_INSTALL("pud_install", 4),
    PMD_ENTRY("pmd_entry", 5),
    KERNEL_FAULT("kernel_fault", 6),
    MM_EXIT("mm_exit", 7),
    LOST("lost", 8);

    private static final EventType[] BY_CODE = new EventType[16];

    static {
        for (EventType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final String wireName;
    private final int code;

    EventType(String wireName, int code) {
        this.wireName = wireName;
        this.code = code;
    }

    /** The name used in the {@code type} field of a trace line. */
    public String wireName() {
        return wireName;
    }

    /** The code the BPF program writes for this type. */
    public int code() {
        return code;
    }

    /** Whether events of this type carry {@code pid} and {@code tid}. */
    public boolean hasThread() {
        return this != LOST;
    }

    /** The type with this wire code, or {@code null} for a code this version does not know. */
    public static EventType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The type with this wire name, or {@code null} for a name this version does not know. */
    public static EventType ofWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
