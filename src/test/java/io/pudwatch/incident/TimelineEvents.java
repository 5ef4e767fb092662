package io.pudwatch.incident;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;

/** Builds trace events for incident tests, one reused instance as a live source would. */
final class TimelineEvents {
    static final long MM = 0xffff88810a3c0000L;
    static final long PUDP = 0xffff88812d4e1ff8L;
    static final long BASE = 0x7e8000000000L;
    static final long WALKER_PID = 9000;
    static final long WALKER_TID = 9000;
    static final long QEMU_PID = 4107;
    static final long QEMU_TID = 4114;

    private final TraceEvent event = new TraceEvent();

    TraceEvent walkStart(long ts) {
        return walker(ts, EventType.WALK_START).withMm(MM).walker("numa_maps").get();
    }

    TraceEvent split(long ts, long pudp) {
        Builder b = walker(ts, EventType.PUD_SPLIT).withMm(MM);
        event.pudp = pudp;
        event.addr = BASE + (pudp - PUDP) / 8 * (1L << 30);
        return b.get();
    }

    TraceEvent install(long ts, long pudp) {
        begin(ts, EventType.PUD_INSTALL, QEMU_PID, QEMU_TID, "qemu-system-x86");
        event.mm = MM;
        event.pudp = pudp;
        event.addr = BASE + (pudp - PUDP) / 8 * (1L << 30);
        event.source = "vfio_pci";
        return event;
    }

    TraceEvent fault(long ts) {
        begin(ts, EventType.KERNEL_FAULT, WALKER_PID, WALKER_TID, "numastat");
        event.addr = 0xffff889f40000000L;
        event.ip = 0xffffffff813a61d3L;
        event.hasIp = true;
        return event;
    }

    TraceEvent walkEnd(long ts) {
        return walker(ts, EventType.WALK_END).withMm(MM).get();
    }

    TraceEvent otherWalkStart(long ts, long mm, long tid) {
        begin(ts, EventType.WALK_START, tid, tid, "node_exporter");
        event.mm = mm;
        event.walker = "smaps";
        return event;
    }

    private Builder walker(long ts, EventType type) {
        begin(ts, type, WALKER_PID, WALKER_TID, "numastat");
        return new Builder();
    }

    private void begin(long ts, EventType type, long pid, long tid, String comm) {
        event.clear();
        event.ts = ts;
        event.type = type;
        event.pid = pid;
        event.tid = tid;
        event.cpu = 3;
        event.comm = comm;
    }

    private final class Builder {
        Builder withMm(long mm) {
            event.mm = mm;
            return this;
        }

        Builder walker(String kind) {
            event.walker = kind;
            return this;
        }

        TraceEvent get() {
            return event;
        }
    }
}
