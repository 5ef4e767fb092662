package io.pudwatch.incident;

import io.pudwatch.correlate.Correlator;
import io.pudwatch.correlate.Incident;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The event tap behind incident timelines: keeps the last events of each mm that has PUD splits or
 * installs, so that when an incident is found its split, reinstall and closing event are still at
 * hand.
 *
 * <p>Only mms with PUD-level activity get a ring: walks of ordinary processes (numa_maps readers
 * visit every process) would otherwise push the few VFIO-mapped mms out of the LRU. A thread's last
 * {@code walk_start} is kept aside and copied into the ring when the thread first splits there, and
 * a {@code kernel_fault}, which carries no mm, goes to the ring of the mm its thread walks. Rings
 * and event slots are preallocated and reused: the tap sees every event and allocates nothing in
 * the steady state.
 *
 * <p>Not thread-safe: the agent's feeder thread calls both {@link #accept} and {@link #timeline}.
 */
public final class MmEventRings implements EventSink {
    /**
     * 256 events: a walk of a 64 GiB BAR splits 64 PUDs and a DMA-map sweep reinstalls as many, and
     * the incident reaches the listener a reorder window (10 ms) after it closed; a ring of 64
     * would often have lost the split by then.
     */
    public static final int DEFAULT_EVENTS_PER_MM = 256;

    /** 64 mms: a hypervisor runs a few dozen VFIO-mapped VMs at most. */
    public static final int DEFAULT_MMS = 64;

    // Threads inside a walk at once: bounded by CPUs in practice; the cap only guards against
    // walk_end events the kernel dropped.
    private static final int MAX_WALKING_THREADS = 4096;

    private final int eventsPerMm;
    private final int maxMms;
    private final Long2ObjectHashMap<MmRing> rings = new Long2ObjectHashMap<>();
    private final ArrayDeque<MmRing> freeRings = new ArrayDeque<>();
    private final Long2ObjectHashMap<TraceEvent> walkStarts = new Long2ObjectHashMap<>();
    private final ArrayDeque<TraceEvent> freeStarts = new ArrayDeque<>();
    private MmRing leastRecent;
    private MmRing mostRecent;
    private long evictions;

    public MmEventRings() {
        this(DEFAULT_EVENTS_PER_MM, DEFAULT_MMS);
    }

    public MmEventRings(int eventsPerMm, int maxMms) {
        if (eventsPerMm < 4 || maxMms < 1) {
            throw new IllegalArgumentException(
                    "An incident timeline needs at least 4 events per mm and 1 mm.");
        }
        this.eventsPerMm = eventsPerMm;
        this.maxMms = maxMms;
    }

    @Override
    public void accept(TraceEvent e) {
        switch (e.type) {
            case WALK_START -> {
                rememberWalkStart(e);
                recordIfTracked(e.mm, e);
            }
            case WALK_END -> {
                forgetWalkStart(e.tid);
                recordIfTracked(e.mm, e);
            }
            case PUD_SPLIT -> onSplit(e);
            case PUD_INSTALL -> ring(e.mm).add(e);
            case PMD_ENTRY, MM_EXIT -> recordIfTracked(e.mm, e);
            case KERNEL_FAULT -> {
                TraceEvent start = walkStarts.get(e.tid);
                if (start != null) {
                    recordIfTracked(start.mm, e);
                }
            }
            case LOST -> {
                // Lost events make the correlator mark open windows uncertain; the incident
                // carries that flag, so the timeline need not repeat it.
            }
        }
    }

    /** Rings given up to make room for a more recently active mm. */
    public long evictions() {
        return evictions;
    }

    /**
     * The events around an incident, oldest first: those of its mm from {@code beforeNs} before the
     * split to {@code afterNs} after the close that touch its PUD, the walker's walk start, end,
     * fault and closing step, and the mm's exit.
     */
    public List<TimelineEvent> timeline(Incident incident, long beforeNs, long afterNs) {
        MmRing ring = rings.get(incident.mm());
        if (ring == null) {
            return List.of();
        }
        long from = incident.splitTs() - beforeNs;
        long to = incident.closeTs() + afterNs;
        Long walkerTid = incident.walker().tid();
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < ring.size; i++) {
            TraceEvent e = ring.get(i);
            if (e.ts < from || e.ts > to) {
                continue;
            }
            // The walker's splits of other PUDs are noise; its walk bounds, its fault and
            // whatever it did at the close (which may be a step into another PUD) are not.
            boolean walker =
                    walkerTid != null
                            && e.tid == walkerTid
                            && (e.type == EventType.WALK_START
                                    || e.type == EventType.WALK_END
                                    || e.type == EventType.KERNEL_FAULT
                                    || e.ts == incident.closeTs());
            boolean samePud =
                    (e.type == EventType.PUD_SPLIT || e.type == EventType.PUD_INSTALL)
                            && e.pudp == incident.pudp();
            boolean insidePud =
                    e.type == EventType.PMD_ENTRY && Correlator.pudBase(e.addr) == incident.addr();
            if (walker || samePud || insidePud || e.type == EventType.MM_EXIT) {
                events.add(TimelineEvent.of(e));
            }
        }
        events.sort(Comparator.comparingLong(TimelineEvent::ts));
        return events;
    }

    private void onSplit(TraceEvent e) {
        boolean fresh = !rings.containsKey(e.mm);
        MmRing ring = ring(e.mm);
        TraceEvent start = walkStarts.get(e.tid);
        if (fresh && start != null && start.mm == e.mm) {
            ring.add(start);
        }
        ring.add(e);
    }

    private void recordIfTracked(long mm, TraceEvent e) {
        MmRing ring = rings.get(mm);
        if (ring != null) {
            touch(ring);
            ring.add(e);
        }
    }

    private MmRing ring(long mm) {
        MmRing ring = rings.get(mm);
        if (ring != null) {
            touch(ring);
            return ring;
        }
        if (rings.size() >= maxMms) {
            MmRing victim = leastRecent;
            unlink(victim);
            rings.remove(victim.mm);
            freeRings.push(victim);
            evictions++;
        }
        ring = freeRings.isEmpty() ? new MmRing(eventsPerMm) : freeRings.pop();
        ring.reset(mm);
        rings.put(mm, ring);
        linkMostRecent(ring);
        return ring;
    }

    private void rememberWalkStart(TraceEvent e) {
        TraceEvent slot = walkStarts.get(e.tid);
        if (slot == null) {
            if (walkStarts.size() >= MAX_WALKING_THREADS) {
                walkStarts.values().forEach(freeStarts::push);
                walkStarts.clear();
            }
            slot = freeStarts.isEmpty() ? new TraceEvent() : freeStarts.pop();
            walkStarts.put(e.tid, slot);
        }
        slot.copyFrom(e);
    }

    private void forgetWalkStart(long tid) {
        TraceEvent slot = walkStarts.remove(tid);
        if (slot != null) {
            freeStarts.push(slot);
        }
    }

    private void touch(MmRing ring) {
        if (ring != mostRecent) {
            unlink(ring);
            linkMostRecent(ring);
        }
    }

    private void linkMostRecent(MmRing ring) {
        ring.older = mostRecent;
        ring.newer = null;
        if (mostRecent != null) {
            mostRecent.newer = ring;
        } else {
            leastRecent = ring;
        }
        mostRecent = ring;
    }

    private void unlink(MmRing ring) {
        if (ring.older != null) {
            ring.older.newer = ring.newer;
        } else {
            leastRecent = ring.newer;
        }
        if (ring.newer != null) {
            ring.newer.older = ring.older;
        } else {
            mostRecent = ring.older;
        }
        ring.older = null;
        ring.newer = null;
    }
}
