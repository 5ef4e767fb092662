package io.pudwatch.doctor;

import io.pudwatch.report.TextWrap;

/** The terminal form of a {@link HostExposure}, 80 columns wide. */
public final class HostExposureText {
    private HostExposureText() {}

    public static String render(HostExposure h) {
        StringBuilder out = new StringBuilder();
        out.append("Verdict: ").append(h.verdict().label().replace('_', ' ')).append('\n');
        for (String reason : h.reasons()) {
            out.append(TextWrap.paragraph(reason, "  - ", "    ")).append('\n');
        }

        out.append("\nKernel: ")
                .append(h.kernelRelease() == null ? "unreadable" : h.kernelRelease())
                .append(" (")
                .append(h.kernelClass().label().replace('_', ' '))
                .append("), ")
                .append(h.arch() == null ? "architecture unknown" : h.arch())
                .append('\n');

        out.append("VFIO devices:");
        if (h.devices().isEmpty()) {
            out.append(" none\n");
        } else {
            out.append('\n');
            for (VfioDevice d : h.devices()) {
                out.append("  ")
                        .append(d.address())
                        .append("  ")
                        .append(d.driver())
                        .append("  largest BAR ")
                        .append(Sizes.human(d.largestBarBytes()))
                        .append(d.hasPudSizedBar() ? "  (PUD-sized)" : "")
                        .append('\n');
            }
        }

        out.append("Processes mapping VFIO regions:");
        if (h.mappers().isEmpty()) {
            out.append(" none");
        }
        out.append('\n');
        for (VfioMapper m : h.mappers()) {
            out.append("  ")
                    .append(m.comm())
                    .append('/')
                    .append(m.pid())
                    .append("  largest mapping ")
                    .append(Sizes.human(m.largestMappingBytes()))
                    .append('\n');
        }
        if (h.unreadableProcesses() > 0) {
            out.append(
                            TextWrap.paragraph(
                                    h.unreadableProcesses()
                                            + " processes could not be read (exited, or run"
                                            + " as root to see them all).",
                                    "  ",
                                    "  "))
                    .append('\n');
        }

        out.append("\nAgent readiness: ").append(h.agentReady() ? "ready" : "limited").append('\n');
        for (Finding f : h.readiness()) {
            String mark = f.ok() ? "ok    " : "NOT OK";
            String head = "  " + mark + " " + f.check() + ": ";
            out.append(TextWrap.paragraph(f.detail(), head, "         ")).append('\n');
        }
        return out.toString();
    }
}
