package io.pudwatch.triage;

import io.pudwatch.correlate.Incident;
import io.pudwatch.incident.IncidentRecord;
import io.pudwatch.incident.ProcessInfo;
import io.pudwatch.report.TextWrap;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code pudwatch triage} for a terminal of 80 columns: the list, and one incident in full. */
public final class TriageText {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    // 80 columns: id 16, found (UTC) 19, outcome 10, walker 16, installer 15, and the gaps.
    private static final String ROW = "%-16s %-19s %-10s %-16s %s%n";

    private TriageText() {}

    /** One line per incident, oldest first, with a header; a sentence when there are none. */
    public static String list(List<IncidentRecord> records) {
        if (records.isEmpty()) {
            return "No incidents.\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT, ROW, "ID", "FOUND (UTC)", "OUTCOME", "WALKER", "INSTALLER"));
        for (IncidentRecord r : records) {
            Incident i = r.incident();
            out.append(
                    String.format(
                            Locale.ROOT,
                            ROW,
                            r.id(),
                            WHEN.format(r.recordedAt()),
                            i.outcome().label(),
                            cut(IncidentStory.name(i.walker(), "?"), 16),
                            cut(IncidentStory.name(i.installer(), "?"), 15)));
        }
        out.append("\nFor one incident: pudwatch triage ID (a unique prefix of the ID will do).\n");
        return out.toString();
    }

    /** The whole story of one incident. */
    public static String detail(IncidentRecord r) {
        Incident i = r.incident();
        StringBuilder out = new StringBuilder();
        out.append("Incident ")
                .append(r.id())
                .append(": ")
                .append(i.outcome().label())
                .append(", found ")
                .append(WHEN.format(r.recordedAt()))
                .append(" UTC on ")
                .append(r.host().host())
                .append('\n');
        if (r.host().kernelRelease() == null) {
            out.append("Kernel not recorded (a replayed or simulated trace), host ");
        } else {
            out.append("Kernel ")
                    .append(r.host().kernelRelease())
                    .append(" (")
                    .append(r.host().kernelClass())
                    .append("), host ");
        }
        out.append(
                        r.host().exposure() == null
                                ? "exposure unknown"
                                : r.host().exposure().replace('_', ' '))
                .append('\n');

        out.append("\nWhat happened\n");
        if (r.timeline().isEmpty()) {
            out.append("  (no timeline: the events had left the agent's ring when it was found)\n");
        }
        for (String line : TimelineNarration.lines(i, r.timeline())) {
            out.append(line).append('\n');
        }
        out.append('\n')
                .append(TextWrap.paragraph(IncidentStory.plainWords(r), "", ""))
                .append('\n');

        out.append("\nWho\n");
        party(out, "Walker", i.walker(), r.walkerProcess());
        party(out, "Installer", i.installer(), r.installerProcess());

        out.append("\nWhat to do now\n");
        for (String action : IncidentStory.actions(r)) {
            out.append(TextWrap.paragraph(action, "  - ", "    ")).append('\n');
        }
        return out.toString();
    }

    private static void party(StringBuilder out, String label, Incident.Party p, ProcessInfo info) {
        String head = String.format(Locale.ROOT, "  %-10s", label);
        String task =
                IncidentStory.name(p, "unknown")
                        + (p.tid() != null && !p.tid().equals(p.pid())
                                ? " (tid " + p.tid() + ")"
                                : "")
                        + (p.role() != null ? ", " + p.role() : "");
        out.append(TextWrap.paragraph(task, head, " ".repeat(12))).append('\n');
        String indent = " ".repeat(12);
        if (info != null && !info.lookedUp()) {
            out.append(
                            TextWrap.paragraph(
                                    "process details not available: the incident comes from a"
                                            + " replayed or simulated trace, whose pids are no"
                                            + " processes of this host",
                                    indent,
                                    indent))
                    .append('\n');
            return;
        }
        if (info == null || info.gone()) {
            out.append(indent).append("had exited when the incident was found\n");
            return;
        }
        if (info.cmdline() != null) {
            out.append(TextWrap.paragraph(info.cmdline(), indent + "cmdline ", indent + "  "))
                    .append('\n');
        }
        if (info.containerId() != null) {
            out.append(indent).append("container ").append(info.containerId(), 0, 12).append('\n');
        }
        if (info.cgroup() != null) {
            out.append(TextWrap.paragraph(info.cgroup(), indent + "cgroup ", indent + "  "))
                    .append('\n');
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
