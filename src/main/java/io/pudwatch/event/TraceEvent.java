package io.pudwatch.event;

/**
 * One trace-v1 event, mutable so that decoders and the correlator can reuse instances instead of
 * allocating one per event.
 *
 * <p>Numeric fields that the trace did not give hold {@link #ABSENT}; string fields hold {@code
 * null}. Kernel addresses are unsigned 64-bit values kept in a {@code long}. Strings are expected
 * to be interned by the producer (see {@link StringPool}) so that storing them costs nothing.
 */
public final class TraceEvent {
    /** Marks a numeric field the trace did not give. No real pid, tid, cpu or count is negative. */
    public static final long ABSENT = Long.MIN_VALUE;

    public long ts;
    public EventType type;
    public long pid = ABSENT;
    public long tid = ABSENT;
    public long cpu = ABSENT;
    public String comm;
    public long mm;
    public long pudp;
    public long addr;
    public long ip = ABSENT;
    public long pfn = ABSENT;
    public long count = ABSENT;
    public boolean hasIp;
    public boolean hasPfn;
    public String walker;
    public String source;

    /** Resets every field so the instance can be filled again. */
    public TraceEvent clear() {
        ts = 0;
        type = null;
        pid = ABSENT;
        tid = ABSENT;
        cpu = ABSENT;
        comm = null;
        mm = 0;
        pudp = 0;
        addr = 0;
        ip = ABSENT;
        pfn = ABSENT;
        count = ABSENT;
        hasIp = false;
        hasPfn = false;
        walker = null;
        source = null;
        return this;
    }

    /** Copies every field of {@code other} into this instance. */
    public TraceEvent copyFrom(TraceEvent other) {
        ts = other.ts;
        type = other.type;
        pid = other.pid;
        tid = other.tid;
        cpu = other.cpu;
        comm = other.comm;
        mm = other.mm;
        pudp = other.pudp;
        addr = other.addr;
        ip = other.ip;
        pfn = other.pfn;
        count = other.count;
        hasIp = other.hasIp;
        hasPfn = other.hasPfn;
        walker = other.walker;
        source = other.source;
        return this;
    }

    @Override
    public String toString() {
        return type
                + "@"
                + ts
                + "{tid="
                + tid
                + ", mm=0x"
                + Long.toHexString(mm)
                + ", pudp=0x"
                + Long.toHexString(pudp)
                + ", addr=0x"
                + Long.toHexString(addr)
                + "}";
    }
}
