package io.pudwatch.correlate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayDeque;

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

    private final WalkerThreads threads = new WalkerThreads();
    private final OpenWindows open = new OpenWindows();
    private final ArrayDeque<Window> freeWindows = new ArrayDeque<>();

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
        // A late event (past the reorder window) is applied now, but time does not go back.
        closeExpired(e.ts);
        lastTs = Math.max(lastTs, e.ts);
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
        stats.setGauges(open.size(), threads.size(), open.mms());
    }

    /** Closes every open window as unresolved at the last event's time: the input has ended. */
    @Override
    public void end() {
        while (open.oldest() != null) {
            close(open.oldest(), Outcome.UNRESOLVED, lastTs);
        }
        stats.setGauges(open.size(), threads.size(), open.mms());
    }

    /**
     * Closes the windows that have timed out by {@code now} without an event: a live agent calls
     * this when its input is idle so that a window's fate is not held back by a quiet host.
     */
    public void advanceTo(long now) {
        if (sawEvent && now > lastTs) {
            closeExpired(now);
            stats.setGauges(open.size(), threads.size(), open.mms());
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
        if (open.size() >= config.maxOpenWindows()) {
            stats.countEvicted();
            close(open.oldest(), Outcome.UNRESOLVED, e.ts);
        }
        open(thread, e);
    }

    private void onInstall(TraceEvent e) {
        for (Window w = open.firstOnPudp(e.pudp); w != null; w = w.nextSamePudp) {
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
        Window w = open.firstOfMm(e.mm);
        while (w != null) {
            Window next = w.nextSameMm;
            close(w, Outcome.UNRESOLVED, e.ts);
            w = next;
        }
    }

    private void onLost(TraceEvent e) {
        stats.countLost(e.count);
        for (Window w = open.oldest(); w != null; w = w.newerOpen) {
            if (!w.uncertain) {
                w.uncertain = true;
                stats.countUncertain();
            }
        }
    }

    private void closeExpired(long now) {
        long timeout = config.windowTimeoutNs();
        for (Window w = open.oldest(); w != null && now - w.splitTs > timeout; w = open.oldest()) {
            close(w, Outcome.UNRESOLVED, w.splitTs + timeout);
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

        open.add(w);
        stats.countOpened();
    }

    private void close(Window w, Outcome outcome, long closeTs) {
        open.remove(w);
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

    /** Finds or creates the thread, forgetting the least recently seen one at the cap. */
    private WalkerThread touch(long tid) {
        if (threads.get(tid) == null && threads.size() >= config.maxThreads()) {
            forgetLeastRecent();
        }
        return threads.touch(tid);
    }

    private void forgetLeastRecent() {
        WalkerThread victim = threads.leastRecent();
        stats.countThreadForgotten();
        if (victim.window != null) {
            close(victim.window, Outcome.UNRESOLVED, lastTs);
        }
        if (threads.get(victim.tid) == victim) {
            threads.forget(victim);
        }
    }

    private void forgetIfIdle(WalkerThread thread) {
        if (thread.idle()) {
            threads.forget(thread);
        }
    }
}
