package io.pudwatch.correlate;

/**
 * One open split window, pooled and linked into three intrusive lists so that the correlator finds
 * it by open order, by PUD entry and by mm without allocating.
 */
final class Window {
    long tid;
    long pid;
    String comm;
    String kind;
    long mm;
    long pudp;
    long base;
    long splitTs;

    boolean hit;
    long installTs;
    long installerPid;
    long installerTid;
    String installerComm;
    String installerSource;

    boolean uncertain;

    Window olderOpen;
    Window newerOpen;
    Window prevSamePudp;
    Window nextSamePudp;
    Window prevSameMm;
    Window nextSameMm;

    void reset() {
        comm = null;
        kind = null;
        hit = false;
        installerComm = null;
        installerSource = null;
        uncertain = false;
        olderOpen = null;
        newerOpen = null;
        prevSamePudp = null;
        nextSamePudp = null;
        prevSameMm = null;
        nextSameMm = null;
    }
}
