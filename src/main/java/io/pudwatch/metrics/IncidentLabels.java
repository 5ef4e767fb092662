package io.pudwatch.metrics;

import io.pudwatch.event.FaultSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded label values of incidents: a walker kind or fault source that is not one of the known
 * values becomes {@code other}, so that a label can never carry a comm, a pid or anything else a
 * traced process chooses.
 */
public final class IncidentLabels {
    public static final String OTHER = "other";

    /** The walkers that can hit the window: numa_maps and smaps/smaps_rollup readers. */
    public static final List<String> WALKERS = List.of("numa_maps", "smaps", "other");

    /**
     * Who reinstalls a huge PUD, as the probes can tell: the fault sources of {@link FaultSource}
     * (vfio-pci's huge fault, nvgrace-gpu's from 6.19), and {@code other} for an install no source
     * probe marked (a DAX device, KVM's {@code hva_to_pfn_remapped}, a source probe missing).
     */
    public static final List<String> SOURCES = sources();

    private IncidentLabels() {}

    private static List<String> sources() {
        List<String> names = new ArrayList<>();
        for (FaultSource source : FaultSource.values()) {
            names.add(source.wireName());
        }
        names.add(OTHER);
        return List.copyOf(names);
    }

    /** The index of a walker kind in {@link #WALKERS}; unknown or missing kinds map to other. */
    public static int walkerIndex(String kind) {
        return indexOr(WALKERS, kind);
    }

    /** The index of a fault source in {@link #SOURCES}; unknown or missing ones map to other. */
    public static int sourceIndex(String source) {
        return indexOr(SOURCES, source);
    }

    private static int indexOr(List<String> known, String value) {
        int i = value == null ? -1 : known.indexOf(value);
        return i >= 0 ? i : known.size() - 1;
    }
}
