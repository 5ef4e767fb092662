package io.pudwatch.correlate;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;

/** Builds trace events for tests in one line each. */
final class Events {
    static final long MM = 0xffff888100000000L;
    static final long OTHER_MM = 0xffff888100000400L;
    static final long PUDP = 0xffff888120001000L;
    static final long OTHER_PUDP = 0xffff888120001008L;
    static final long BASE = 0x7e0000000000L;
    static final long WALKER = 100;
    static final long OTHER_WALKER = 101;
    static final long VFIO = 200;

    private Events() {}

    static TraceEvent event(EventType type, long ts, long tid) {
        TraceEvent e = new TraceEvent();
        e.type = type;
        e.ts = ts;
        if (type.hasThread()) {
            e.tid = tid;
            e.pid = tid;
            e.comm = "task" + tid;
        }
        return e;
    }

    static TraceEvent walkStart(long ts, long tid, long mm, String kind) {
        TraceEvent e = event(EventType.WALK_START, ts, tid);
        e.mm = mm;
        e.walker = kind;
        return e;
    }

    static TraceEvent walkEnd(long ts, long tid, long mm) {
        TraceEvent e = event(EventType.WALK_END, ts, tid);
        e.mm = mm;
        return e;
    }

    static TraceEvent split(long ts, long tid, long mm, long pudp, long addr) {
        TraceEvent e = event(EventType.PUD_SPLIT, ts, tid);
        e.mm = mm;
        e.pudp = pudp;
        e.addr = addr;
        return e;
    }

    static TraceEvent install(long ts, long tid, long mm, long pudp, long addr) {
        TraceEvent e = event(EventType.PUD_INSTALL, ts, tid);
        e.mm = mm;
        e.pudp = pudp;
        e.addr = addr;
        e.source = "vfio_pci";
        return e;
    }

    static TraceEvent pmdEntry(long ts, long tid, long mm, long addr) {
        TraceEvent e = event(EventType.PMD_ENTRY, ts, tid);
        e.mm = mm;
        e.addr = addr;
        return e;
    }

    static TraceEvent fault(long ts, long tid) {
        TraceEvent e = event(EventType.KERNEL_FAULT, ts, tid);
        e.addr = 0xffff888380000000L;
        return e;
    }

    static TraceEvent exit(long ts, long mm) {
        TraceEvent e = event(EventType.MM_EXIT, ts, 1);
        e.mm = mm;
        return e;
    }

    static TraceEvent lost(long ts, long count) {
        TraceEvent e = event(EventType.LOST, ts, 0);
        e.count = count;
        return e;
    }
}
