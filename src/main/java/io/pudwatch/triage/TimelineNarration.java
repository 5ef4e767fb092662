package io.pudwatch.triage;

import io.pudwatch.correlate.Correlator;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.event.EventType;
import io.pudwatch.event.Hex;
import io.pudwatch.event.TraceEvent;
import io.pudwatch.incident.TimelineEvent;
import io.pudwatch.report.Durations;
import io.pudwatch.report.TextWrap;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells an incident's timeline one event per line, in kernel terms and plain words, with times
 * relative to the split: {@code +1.2µs qemu-system-x86/4107 reinstalled it (vmf_insert_pfn_pud,
 * vfio_pci)}.
 */
final class TimelineNarration {
    private static final int TIME_COLUMN = 9;

    private TimelineNarration() {}

    static List<String> lines(Incident incident, List<TimelineEvent> timeline) {
        List<String> lines = new ArrayList<>();
        boolean split = false;
        boolean closed = false;
        for (TimelineEvent e : timeline) {
            if (!closed && e.ts() > incident.closeTs()) {
                lines.add(closeLine(incident));
                closed = true;
            }
            boolean samePud = e.pudp() == incident.pudp();
            String sentence = who(e) + " " + what(incident, e, split);
            if (e.type() == EventType.KERNEL_FAULT
                    && e.ts() == incident.closeTs()
                    && incident.outcome() == Outcome.CRASHED) {
                sentence += ": this is the oops";
            }
            if (e.type() == EventType.PUD_SPLIT && samePud) {
                split = true;
            }
            String time =
                    String.format("%-" + TIME_COLUMN + "s", relative(e.ts() - incident.splitTs()));
            lines.addAll(
                    TextWrap.wrap(
                            sentence, TextWrap.COLUMNS, "  " + time, " ".repeat(TIME_COLUMN + 4)));
        }
        if (!closed) {
            lines.add(closeLine(incident));
        }
        return lines;
    }

    private static String closeLine(Incident incident) {
        String time = relative(incident.closeTs() - incident.splitTs());
        return "  "
                + String.format("%-" + TIME_COLUMN + "s", time)
                + "-- the window closed: "
                + incident.outcome().label()
                + " --";
    }

    static String relative(long ns) {
        return (ns >= 0 ? "+" : "-") + Durations.human(Math.abs(ns));
    }

    private static String who(TimelineEvent e) {
        String comm = e.comm() != null ? e.comm() : "?";
        if (e.pid() == TraceEvent.ABSENT) {
            return comm;
        }
        String task = comm + "/" + e.pid();
        return e.tid() != TraceEvent.ABSENT && e.tid() != e.pid()
                ? task + " (tid " + e.tid() + ")"
                : task;
    }

    private static String what(Incident incident, TimelineEvent e, boolean splitSeen) {
        boolean samePud = e.pudp() == incident.pudp();
        return switch (e.type()) {
            case WALK_START ->
                    "started a page walk"
                            + (e.walker() != null ? " for " + e.walker() : "")
                            + " of the VM's memory map (walk_page_vma)";
            case WALK_END -> "finished its page walk";
            case PUD_SPLIT ->
                    !samePud
                            ? "split another PUD, at " + Hex.format(e.addr())
                            : splitSeen
                                    ? "split the same PUD again: the walker saw the entry back and"
                                            + " retried (ACTION_AGAIN)"
                                    : "split the 1 GiB PUD at "
                                            + Hex.format(e.addr())
                                            + ", clearing it (__split_huge_pud, pudp "
                                            + Hex.format(e.pudp())
                                            + ")";
            case PUD_INSTALL ->
                    (splitSeen ? "reinstalled it" : "installed the PUD")
                            + " (vmf_insert_pfn_pud"
                            + (e.source() != null ? ", " + e.source() : "")
                            + ")";
            case PMD_ENTRY ->
                    Correlator.pudBase(e.addr()) == incident.addr()
                            ? "walked into the reinstalled leaf at "
                                    + Hex.format(e.addr())
                                    + " as if it were a page table (walk_pmd_range):"
                                    + " GPU memory read as PMD entries"
                            : "moved on to " + Hex.format(e.addr()) + " (pmd_entry)";
            case KERNEL_FAULT ->
                    "faulted in the kernel at "
                            + Hex.format(e.addr())
                            + (e.ip() != TraceEvent.ABSENT
                                    ? " (ip " + Hex.format(e.ip()) + ")"
                                    : "");
            case MM_EXIT -> "exited: the VM's address space went away (exit_mmap)";
            case LOST -> "lost events";
        };
    }
}
