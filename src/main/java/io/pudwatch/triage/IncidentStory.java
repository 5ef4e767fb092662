package io.pudwatch.triage;

import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.doctor.KernelClass;
import io.pudwatch.incident.IncidentRecord;
import io.pudwatch.incident.ProcessInfo;
import io.pudwatch.report.Durations;
import java.util.ArrayList;
import java.util.List;

/** What an incident means in plain words, and what to do about it now. */
final class IncidentStory {
    private static final String CRASHED =
            " The reader then took the device's memory for a page table and the kernel oopsed."
                    + " The reader was killed; the memory-map lock it held stays taken, so the"
                    + " VM may hang on its next mmap or munmap.";
    private static final String DESCENDED =
            " The reader then took the device's memory for a page table and read it. No oops"
                    + " this time, but the kernel was one bad read away from one, and the"
                    + " reader's output for this VM is garbage.";
    private static final String RETRIED_FIXED =
            " The reader noticed and split it again: the kernel fix at work.";
    private static final String NEAR_MISS =
            " The reader noticed and split it again. A near miss: the same timing a little"
                    + " earlier oopses this kernel.";
    private static final String UNRESOLVED =
            " How the reader went on was not seen (events lost, or the window timed out).";

    private IncidentStory() {}

    /** The runbook section for the alert this incident raises. */
    static String runbookAnchor(IncidentRecord r) {
        return switch (r.incident().outcome()) {
            case CRASHED -> "docs/runbook.md#pudwatchcrash";
            case DESCENDED -> "docs/runbook.md#pudwatchdescent";
            case RETRIED, UNRESOLVED -> "docs/runbook.md#pudwatchnearmiss";
        };
    }

    static String plainWords(IncidentRecord r) {
        Incident i = r.incident();
        String walker = name(i.walker(), "a reader");
        String vm = name(i.installer(), "the VM");
        String gap = Durations.human(i.windowNs());
        String setup =
                walker
                        + " read the memory map of "
                        + vm
                        + " and cleared one of its 1 GiB mappings of device memory to look"
                        + " inside; "
                        + vm
                        + " put the mapping back "
                        + gap
                        + " later, while the reader still had it open.";
        String ending =
                switch (i.outcome()) {
                    case CRASHED -> CRASHED;
                    case DESCENDED -> DESCENDED;
                    case RETRIED ->
                            "fixed".equals(r.host().kernelClass()) ? RETRIED_FIXED : NEAR_MISS;
                    case UNRESOLVED -> UNRESOLVED;
                };
        String uncertain =
                i.uncertain()
                        ? " The kernel dropped events meanwhile: details may be missing."
                        : "";
        return setup + ending + uncertain;
    }

    static List<String> actions(IncidentRecord r) {
        Incident i = r.incident();
        List<String> actions = new ArrayList<>();
        String reader = name(i.walker(), "the numa_maps/smaps reader");
        ProcessInfo p = r.walkerProcess();
        String where =
                p != null && p.containerId() != null
                        ? " (container " + p.containerId().substring(0, 12) + ")"
                        : p != null && p.cgroup() != null ? " (cgroup " + p.cgroup() + ")" : "";
        actions.add(
                "Stop or slow the reader: "
                        + reader
                        + where
                        + " reads "
                        + (i.walker().role() != null ? i.walker().role() : "numa_maps or smaps")
                        + " of VFIO-mapped VMs; stop it, or make it skip them.");
        if (i.outcome() == Outcome.CRASHED) {
            actions.add(
                    "Check the VM "
                            + name(i.installer(), "")
                            + ": if it hangs, restart it or move it to another host; look for"
                            + " the oops in the kernel log (journalctl -k).");
        }
        if (!"fixed".equals(r.host().kernelClass())) {
            actions.add(
                    "Upgrade the kernel ("
                            + (r.host().kernelRelease() != null
                                    ? r.host().kernelRelease()
                                    : "release unknown")
                            + ") to a release that carries the fix: "
                            + KernelClass.firstFixedReleases()
                            + " or later in the same series.");
        }
        actions.add("Runbook: " + runbookAnchor(r));
        return actions;
    }

    static String name(Incident.Party p, String fallback) {
        if (p.comm() == null && p.pid() == null) {
            return fallback;
        }
        return (p.comm() != null ? p.comm() : "?") + (p.pid() != null ? "/" + p.pid() : "");
    }
}
