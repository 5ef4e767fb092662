package io.pudwatch.correlate;

import io.pudwatch.event.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The correlation rules written as plainly as possible: lists and linear scans, the input sorted
 * first. Slow and obviously right, so the real correlator can be held against it.
 */
final class ReferenceCorrelator {
    private final long timeout;
    private final int maxOpen;
    private final List<Open> open = new ArrayList<>();
    private final Map<Long, String> kind = new HashMap<>();
    private final Map<Long, String> walkComm = new HashMap<>();
    private final List<Incident> incidents = new ArrayList<>();

    private static final class Open {
        TraceEvent split;
        String kind;
        String comm;
        TraceEvent install;
        boolean uncertain;
    }

    ReferenceCorrelator(long timeout, int maxOpen) {
        this.timeout = timeout;
        this.maxOpen = maxOpen;
    }

    static List<Incident> run(List<TraceEvent> input, long timeout, int maxOpen) {
        List<TraceEvent> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(e -> e.ts)); // stable: ties keep file order
        ReferenceCorrelator ref = new ReferenceCorrelator(timeout, maxOpen);
        long last = 0;
        for (TraceEvent e : sorted) {
            ref.apply(e);
            last = e.ts;
        }
        while (!ref.open.isEmpty()) {
            ref.close(ref.open.get(0), Outcome.UNRESOLVED, last);
        }
        return ref.incidents;
    }

    private void apply(TraceEvent e) {
        while (true) {
            Open expired = null;
            for (Open w : open) {
                if (e.ts > w.split.ts + timeout) {
                    expired = w;
                    break;
                }
            }
            if (expired == null) {
                break;
            }
            close(expired, Outcome.UNRESOLVED, expired.split.ts + timeout);
        }
        Open mine = e.type.hasThread() ? windowOf(e.tid) : null;
        switch (e.type) {
            case WALK_START -> {
                closeIf(mine, Outcome.UNRESOLVED, e.ts);
                kind.put(e.tid, e.walker);
                walkComm.put(e.tid, e.comm);
            }
            case WALK_END -> {
                closeIf(mine, Outcome.UNRESOLVED, e.ts);
                kind.remove(e.tid);
                walkComm.remove(e.tid);
            }
            case PUD_SPLIT -> {
                if (mine != null) {
                    boolean same = mine.split.mm == e.mm && mine.split.pudp == e.pudp;
                    close(mine, same ? Outcome.RETRIED : Outcome.UNRESOLVED, e.ts);
                }
                if (open.size() >= maxOpen) {
                    close(open.get(0), Outcome.UNRESOLVED, e.ts);
                }
                Open w = new Open();
                w.split = new TraceEvent().copyFrom(e);
                w.kind = kind.get(e.tid);
                w.comm = e.comm != null ? e.comm : walkComm.get(e.tid);
                open.add(w);
            }
            case PUD_INSTALL -> {
                for (Open w : open) {
                    if (w.install == null
                            && w.split.mm == e.mm
                            && w.split.pudp == e.pudp
                            && w.split.tid != e.tid) {
                        w.install = new TraceEvent().copyFrom(e);
                    }
                }
            }
            case PMD_ENTRY -> {
                if (mine != null) {
                    boolean inside =
                            mine.split.mm == e.mm
                                    && Correlator.pudBase(mine.split.addr)
                                            == Correlator.pudBase(e.addr);
                    close(mine, inside ? Outcome.DESCENDED : Outcome.UNRESOLVED, e.ts);
                }
            }
            case KERNEL_FAULT -> closeIf(mine, Outcome.CRASHED, e.ts);
            case MM_EXIT -> {
                for (Open w : new ArrayList<>(open)) {
                    if (w.split.mm == e.mm) {
                        close(w, Outcome.UNRESOLVED, e.ts);
                    }
                }
            }
            case LOST -> open.forEach(w -> w.uncertain = true);
        }
    }

    private Open windowOf(long tid) {
        for (Open w : open) {
            if (w.split.tid == tid) {
                return w;
            }
        }
        return null;
    }

    private void closeIf(Open w, Outcome outcome, long ts) {
        if (w != null) {
            close(w, outcome, ts);
        }
    }

    private void close(Open w, Outcome outcome, long ts) {
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            if (it.next() == w) {
                it.remove();
            }
        }
        if (w.install == null) {
            return;
        }
        TraceEvent s = w.split;
        TraceEvent i = w.install;
        incidents.add(
                new Incident(
                        s.mm,
                        s.pudp,
                        Correlator.pudBase(s.addr),
                        outcome,
                        new Incident.Party(s.pid, s.tid, w.comm, w.kind),
                        new Incident.Party(i.pid, i.tid, i.comm, i.source),
                        s.ts,
                        i.ts,
                        ts,
                        i.ts - s.ts,
                        w.uncertain));
    }
}
