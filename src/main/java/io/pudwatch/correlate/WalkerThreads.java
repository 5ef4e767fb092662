package io.pudwatch.correlate;

import java.util.ArrayDeque;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The walker threads the correlator remembers, by tid and by how recently each was seen, so that
 * the least recently seen one can be forgotten when the cap is reached. Records are pooled; nothing
 * here allocates once the pool and map have grown.
 */
final class WalkerThreads {
    private final Long2ObjectHashMap<WalkerThread> byTid = new Long2ObjectHashMap<>();
    private final ArrayDeque<WalkerThread> free = new ArrayDeque<>();
    private WalkerThread leastRecent;
    private WalkerThread mostRecent;

    WalkerThread get(long tid) {
        return byTid.get(tid);
    }

    int size() {
        return byTid.size();
    }

    /** The thread seen longest ago, or {@code null} when none is remembered. */
    WalkerThread leastRecent() {
        return leastRecent;
    }

    /** Finds or creates the thread and marks it most recently seen. */
    WalkerThread touch(long tid) {
        WalkerThread thread = byTid.get(tid);
        if (thread == null) {
            thread = free.isEmpty() ? new WalkerThread() : free.pop();
            thread.tid = tid;
            byTid.put(tid, thread);
        } else if (thread == mostRecent) {
            return thread;
        } else {
            unlink(thread);
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

    /** Forgets the thread and returns its record to the pool. */
    void forget(WalkerThread thread) {
        unlink(thread);
        byTid.remove(thread.tid);
        thread.reset();
        free.push(thread);
    }

    private void unlink(WalkerThread thread) {
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
