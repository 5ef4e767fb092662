package io.pudwatch.correlate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayDeque;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Links page-walk and fault events per mm into split windows and decides their outcome, after the
 * correlation rules of trace format v1 ({@code docs/trace-format.md}).
 *
 * <p>Events must arrive in timestamp order; put a {@link ReorderBuffer} in front of a source that
 * is only roughly ordered. Time is the events' own: nothing here reads a clock, so replay and live
 * correlation behave the same. Window and thread records are pooled and indexed by primitive-keyed
 * maps, so the steady state allocates nothing per event; an incident allocates its record.
 *
 * <p>Not thread-safe: one thread feeds it. {@link #stats()} may be read from any thread.
 */
public final class Correlator implements EventSink {
    /** A PUD maps 1 GiB on x86_64 (PUD_SHIFT 30). */
    public static final long PUD_MASK = ~((1L << 30) - 1);

    private final CorrelatorConfig config;
    private final IncidentListener listener;
    private final CorrelatorStats stats = new CorrelatorStats();

    private final Long2ObjectHashMap<WalkerThread> threads = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Window> windowsByPudp = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Window> windowsByMm = new Long2ObjectHashMap<>();
    private final ArrayDeque<Window> freeWindows = new ArrayDeque<>();
    private final ArrayDeque<WalkerThread> freeThreads = new ArrayDeque<>();

    private Window oldestOpen;
    private Window newestOpen;
    private int openWindows;
    private WalkerThread leastRecent;
    private WalkerThread mostRecent;
    private long lastTs;
    private boolean sawEvent;

    public Correlator(CorrelatorConfig config, IncidentListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public CorrelatorStats stats() {
        return stats;
    }

    public CorrelatorConfig config() {
        return config;
    }

    /** The base of the 1 GiB region that contains {@code addr}. */
    public static long pudBase(long addr) {
        return addr & PUD_MASK;
    }

    @Override
    public void accept(TraceEvent e) {
        stats.countEvent(e.type);
        closeExpired(e.ts);
        lastTs = e.ts;
        sawEvent = true;

        switch (e.type) {
            case WALK_START -> onWalkStart(e);
            case WALK_END -> onWalkEnd(e);
            case PUD_SPLIT -> onSplit(e);
            case PUD_INSTALL -> onInstall(e);
            case PMD_ENTRY -> onPmdEntry(e);
            case KERNEL_FAULT -> onKernelFault(e);
            case MM_EXIT -> onMmExit(e);
            case LOST -> onLost(e);
        }
        stats.setGauges(openWindows, threads.size(), windowsByMm.size());
    }

    /** Closes every open window as unresolved at the last event's time: the input has ended. */
    @Override
    public void end() {
        while (oldestOpen != null) {
            close(oldestOpen, Outcome.UNRESOLVED, lastTs);
        }
        stats.setGauges(openWindows, threads.size(), windowsByMm.size());
    }

    /**
     * Closes the windows that have timed out by {@code now} without an event: a live agent calls
     * this when its input is idle so that a window's fate is not held back by a quiet host.
     */
    public void advanceTo(long now) {
        if (sawEvent && now > lastTs) {
            closeExpired(now);
            stats.setGauges(openWindows, threads.size(), windowsByMm.size());
        }
    }

    private void onWalkStart(TraceEvent e) {
        WalkerThread thread = touch(e.tid);
        closeOwnWindow(thread, Outcome.UNRESOLVED, e.ts);
        thread.walking = true;
        thread.kind = e.walker;
        thread.walkComm = e.comm;
    }

    private void onWalkEnd(TraceEvent e) {
        WalkerThread thread = threads.get(e.tid);
        if (thread == null) {
            return;
        }
        closeOwnWindow(thread, Outcome.UNRESOLVED, e.ts);
        thread.walking = false;
        thread.kind = null;
        thread.walkComm = null;
        forgetIfIdle(thread);
    }

    private void onSplit(TraceEvent e) {
        WalkerThread thread = touch(e.tid);
        Window previous = thread.window;
        if (previous != null) {
            boolean same = previous.mm == e.mm && previous.pudp == e.pudp;
            closeOwnWindow(thread, same ? Outcome.RETRIED : Outcome.UNRESOLVED, e.ts);
        }
        if (openWindows >= config.maxOpenWindows()) {
            stats.countEvicted();
            close(oldestOpen, Outcome.UNRESOLVED, e.ts);
        }
        open(thread, e);
    }

    private void onInstall(TraceEvent e) {
        for (Window w = windowsByPudp.get(e.pudp); w != null; w = w.nextSamePudp) {
            if (w.mm == e.mm && w.tid != e.tid && !w.hit) {
                w.hit = true;
                w.installTs = e.ts;
                w.installerPid = e.pid;
                w.installerTid = e.tid;
                w.installerComm = e.comm;
                w.installerSource = e.source;
                stats.countHit();
            }
        }
    }

    private void onPmdEntry(TraceEvent e) {
        WalkerThread thread = threads.get(e.tid);
        if (thread == null || thread.window == null) {
            return;
        }
        Window w = thread.window;
        boolean inside = w.mm == e.mm && pudBase(e.addr) == w.base;
        closeOwnWindow(thread, inside ? Outcome.DESCENDED : Outcome.UNRESOLVED, e.ts);
        forgetIfIdle(thread);
    }

    private void onKernelFault(TraceEvent e) {
        WalkerThread thread = threads.get(e.tid);
        if (thread != null) {
            closeOwnWindow(thread, Outcome.CRASHED, e.ts);
            forgetIfIdle(thread);
        }
    }

    private void onMmExit(TraceEvent e) {
        Window w = windowsByMm.get(e.mm);
        while (w != null) {
            Window next = w.nextSameMm;
            close(w, Outcome.UNRESOLVED, e.ts);
            w = next;
        }
    }

    private void onLost(TraceEvent e) {
        stats.countLost(e.count);
        for (Window w = oldestOpen; w != null; w = w.newerOpen) {
            if (!w.uncertain) {
                w.uncertain = true;
                stats.countUncertain();
            }
        }
    }

    private void closeExpired(long now) {
        long timeout = config.windowTimeoutNs();
        while (oldestOpen != null && now - oldestOpen.splitTs > timeout) {
            close(oldestOpen, Outcome.UNRESOLVED, oldestOpen.splitTs + timeout);
        }
    }

    /**
     * Closes the window of the thread whose event is being applied. The window is detached first so
     * that closing it does not forget the thread the caller is still working with.
     */
    private void closeOwnWindow(WalkerThread thread, Outcome outcome, long ts) {
        Window w = thread.window;
        if (w != null) {
            thread.window = null;
            close(w, outcome, ts);
        }
    }

    private void open(WalkerThread thread, TraceEvent e) {
        Window w = freeWindows.isEmpty() ? new Window() : freeWindows.pop();
        w.tid = e.tid;
        w.pid = e.pid;
        w.comm = e.comm != null ? e.comm : thread.walkComm;
        w.kind = thread.kind;
        w.mm = e.mm;
        w.pudp = e.pudp;
        w.base = pudBase(e.addr);
        w.splitTs = e.ts;
        thread.window = w;

        w.olderOpen = newestOpen;
        if (newestOpen != null) {
            newestOpen.newerOpen = w;
        } else {
            oldestOpen = w;
        }
        newestOpen = w;
        openWindows++;

        Window pudHead = windowsByPudp.get(e.pudp);
        if (pudHead != null) {
            w.nextSamePudp = pudHead;
            pudHead.prevSamePudp = w;
        }
        windowsByPudp.put(e.pudp, w);

        appendToMm(w);
        stats.countOpened();
    }

    // Windows of one mm stay in open order, so that an mm exit closes them oldest first, like
    // the timeout and the end of input do.
    private void appendToMm(Window w) {
        Window head = windowsByMm.get(w.mm);
        if (head == null) {
            windowsByMm.put(w.mm, w);
            return;
        }
        Window tail = head;
        while (tail.nextSameMm != null) {
            tail = tail.nextSameMm;
        }
        tail.nextSameMm = w;
        w.prevSameMm = tail;
    }

    private void close(Window w, Outcome outcome, long closeTs) {
        unlink(w);
        WalkerThread thread = threads.get(w.tid);
        if (thread != null && thread.window == w) {
            thread.window = null;
            forgetIfIdle(thread);
        }

        stats.countClosed(outcome, w.hit);
        if (w.hit) {
            listener.onIncident(toIncident(w, outcome, closeTs));
        }
        w.reset();
        freeWindows.push(w);
    }

    private void unlink(Window w) {
        if (w.olderOpen != null) {
            w.olderOpen.newerOpen = w.newerOpen;
        } else {
            oldestOpen = w.newerOpen;
        }
        if (w.newerOpen != null) {
            w.newerOpen.olderOpen = w.olderOpen;
        } else {
            newestOpen = w.olderOpen;
        }
        openWindows--;

        if (w.prevSamePudp != null) {
            w.prevSamePudp.nextSamePudp = w.nextSamePudp;
        } else if (w.nextSamePudp != null) {
            windowsByPudp.put(w.pudp, w.nextSamePudp);
        } else {
            windowsByPudp.remove(w.pudp);
        }
        if (w.nextSamePudp != null) {
            w.nextSamePudp.prevSamePudp = w.prevSamePudp;
        }

        if (w.prevSameMm != null) {
            w.prevSameMm.nextSameMm = w.nextSameMm;
        } else if (w.nextSameMm != null) {
            windowsByMm.put(w.mm, w.nextSameMm);
        } else {
            windowsByMm.remove(w.mm);
        }
        if (w.nextSameMm != null) {
            w.nextSameMm.prevSameMm = w.prevSameMm;
        }
    }

    private static Incident toIncident(Window w, Outcome outcome, long closeTs) {
        Incident.Party walker = new Incident.Party(boxed(w.pid), boxed(w.tid), w.comm, w.kind);
        Incident.Party installer =
                new Incident.Party(
                        boxed(w.installerPid),
                        boxed(w.installerTid),
                        w.installerComm,
                        w.installerSource);
        return new Incident(
                w.mm,
                w.pudp,
                w.base,
                outcome,
                walker,
                installer,
                w.splitTs,
                w.installTs,
                closeTs,
                w.installTs - w.splitTs,
                w.uncertain);
    }

    private static Long boxed(long value) {
        return value == TraceEvent.ABSENT ? null : value;
    }

    /** Finds or creates the thread and marks it most recently seen. */
    private WalkerThread touch(long tid) {
        WalkerThread thread = threads.get(tid);
        if (thread == null) {
            if (threads.size() >= config.maxThreads()) {
                forgetLeastRecent();
            }
            thread = freeThreads.isEmpty() ? new WalkerThread() : freeThreads.pop();
            thread.tid = tid;
            threads.put(tid, thread);
        } else if (thread == mostRecent) {
            return thread;
        } else {
            unlinkRecency(thread);
        }
        thread.lessRecent = mostRecent;
        thread.moreRecent = null;
        if (mostRecent != null) {
            mostRecent.moreRecent = thread;
        } else {
            leastRecent = thread;
        }
        mostRecent = thread;
        return thread;
    }

    private void forgetLeastRecent() {
        WalkerThread victim = leastRecent;
        stats.countThreadForgotten();
        if (victim.window != null) {
            close(victim.window, Outcome.UNRESOLVED, lastTs);
        }
        if (threads.get(victim.tid) == victim) {
            forget(victim);
        }
    }

    private void forgetIfIdle(WalkerThread thread) {
        if (thread.idle()) {
            forget(thread);
        }
    }

    private void forget(WalkerThread thread) {
        unlinkRecency(thread);
        threads.remove(thread.tid);
        thread.reset();
        freeThreads.push(thread);
    }

    private void unlinkRecency(WalkerThread thread) {
        if (thread.lessRecent != null) {
            thread.lessRecent.moreRecent = thread.moreRecent;
        } else {
            leastRecent = thread.moreRecent;
        }
        if (thread.moreRecent != null) {
            thread.moreRecent.lessRecent = thread.lessRecent;
        } else {
            mostRecent = thread.lessRecent;
        }
        thread.lessRecent = null;
        thread.moreRecent = null;
    }
}
