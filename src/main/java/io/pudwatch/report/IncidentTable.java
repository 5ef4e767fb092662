package io.pudwatch.report;

import io.pudwatch.correlate.Incident;
import io.pudwatch.event.Hex;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Incidents as a text table that fits 100 columns, one row per incident. The mm and the exact times
 * are in the JSON output; the table is for reading.
 */
public final class IncidentTable {
    // 98 columns: outcome, walker kind, walker task, source, installer task, window, PUD base.
    private static final String ROW = "%-10s %-9s %-20s %-10s %-20s %9s %s%n";

    private final PrintStream out;
    private boolean headerDone;

    public IncidentTable(PrintStream out) {
        this.out = out;
    }

    public void add(Incident i) {
        if (!headerDone) {
            out.printf(
                    Locale.ROOT,
                    ROW,
                    "OUTCOME",
                    "WALKER",
                    "WALKER TASK",
                    "SOURCE",
                    "INSTALLER TASK",
                    "WINDOW",
                    "PUD BASE");
            headerDone = true;
        }
        out.printf(
                Locale.ROOT,
                ROW,
                i.outcome().label() + (i.uncertain() ? "?" : ""),
                orDash(i.walker().role()),
                task(i.walker()),
                clip(orDash(i.installer().role()), 10),
                task(i.installer()),
                Durations.human(i.windowNs()),
                Hex.format(i.addr()));
    }

    /** Prints a line saying so when no incident was added. */
    public void finish() {
        if (!headerDone) {
            out.println("No incidents.");
        }
    }

    private static String task(Incident.Party p) {
        String comm = p.comm() == null ? "?" : p.comm();
        String tid = p.tid() == null ? "?" : p.tid().toString();
        String text = comm + "/" + tid;
        return clip(text, 20);
    }

    private static String clip(String s, int width) {
        return s.length() > width ? s.substring(0, width) : s;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
