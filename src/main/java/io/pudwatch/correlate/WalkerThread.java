package io.pudwatch.correlate;

/** What the correlator remembers of one walker thread: its walk kind and its open window. */
final class WalkerThread {
    long tid;

    /** The walker of the last walk_start, until walk_end; {@code null} outside a walk. */
    String kind;

    boolean walking;
    String walkComm;
    Window window;

    WalkerThread lessRecent;
    WalkerThread moreRecent;

    boolean idle() {
        return !walking && window == null;
    }

    void reset() {
        kind = null;
        walking = false;
        walkComm = null;
        window = null;
        lessRecent = null;
        moreRecent = null;
    }
}
