package io.pudwatch.correlate;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The open windows, linked three ways so that the correlator finds them without allocating: in
 * split order (the oldest times out first), by PUD entry (an install finds the windows it hits) and
 * by mm (an exit closes its windows, oldest first).
 */
final class OpenWindows {
    private final Long2ObjectHashMap<Window> byPudp = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Window> byMm = new Long2ObjectHashMap<>();
    private Window oldest;
    private Window newest;
    private int size;

    int size() {
        return size;
    }

    /** Distinct mms with an open window. */
    int mms() {
        return byMm.size();
    }

    /** The window with the earliest split, or {@code null}. */
    Window oldest() {
        return oldest;
    }

    /** The first of the windows on this PUD entry; the rest follow {@code nextSamePudp}. */
    Window firstOnPudp(long pudp) {
        return byPudp.get(pudp);
    }

    /** The first-opened window of this mm; the rest follow {@code nextSameMm} as they opened. */
    Window firstOfMm(long mm) {
        return byMm.get(mm);
    }

    void add(Window w) {
        // A split goes last unless it arrived late, past the reorder window: then it goes where
        // its time puts it, so that the oldest is still first to time out.
        Window older = newest;
        while (older != null && older.splitTs > w.splitTs) {
            older = older.olderOpen;
        }
        w.olderOpen = older;
        w.newerOpen = older == null ? oldest : older.newerOpen;
        if (w.olderOpen != null) {
            w.olderOpen.newerOpen = w;
        } else {
            oldest = w;
        }
        if (w.newerOpen != null) {
            w.newerOpen.olderOpen = w;
        } else {
            newest = w;
        }
        size++;

        Window pudHead = byPudp.get(w.pudp);
        if (pudHead != null) {
            w.nextSamePudp = pudHead;
            pudHead.prevSamePudp = w;
        }
        byPudp.put(w.pudp, w);

        Window mmHead = byMm.get(w.mm);
        if (mmHead == null) {
            byMm.put(w.mm, w);
            return;
        }
        Window tail = mmHead;
        while (tail.nextSameMm != null) {
            tail = tail.nextSameMm;
        }
        tail.nextSameMm = w;
        w.prevSameMm = tail;
    }

    void remove(Window w) {
        if (w.olderOpen != null) {
            w.olderOpen.newerOpen = w.newerOpen;
        } else {
            oldest = w.newerOpen;
        }
        if (w.newerOpen != null) {
            w.newerOpen.olderOpen = w.olderOpen;
        } else {
            newest = w.olderOpen;
        }
        size--;

        if (w.prevSamePudp != null) {
            w.prevSamePudp.nextSamePudp = w.nextSamePudp;
        } else if (w.nextSamePudp != null) {
            byPudp.put(w.pudp, w.nextSamePudp);
        } else {
            byPudp.remove(w.pudp);
        }
        if (w.nextSamePudp != null) {
            w.nextSamePudp.prevSamePudp = w.prevSamePudp;
        }

        if (w.prevSameMm != null) {
            w.prevSameMm.nextSameMm = w.nextSameMm;
        } else if (w.nextSameMm != null) {
            byMm.put(w.mm, w.nextSameMm);
        } else {
            byMm.remove(w.mm);
        }
        if (w.nextSameMm != null) {
            w.nextSameMm.prevSameMm = w.prevSameMm;
        }
    }
}
