package io.pudwatch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pudwatch.probe.HostKernelFeatures;
import io.pudwatch.probe.LiveSourceOptions;
import io.pudwatch.probe.ProbeOutcome;
import io.pudwatch.probe.ProbePlanner;
import io.pudwatch.probe.ProbeReport;
import io.pudwatch.probe.Selftest;
import io.pudwatch.probe.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pudwatch check}: which probes this host allows, and what that leaves detectable. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Show which probes this host allows, and test them with --selftest.",
        description = {
            "Show the probe plan for this host: each probe's target, how it would attach",
            "(fentry, kprobe, tracepoint) or why it cannot, and the verdict. --selftest",
            "attaches them and proves that kernel events reach the correlator."
        },
        footer = ExitCodes.HELP_TEXT)
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--output", defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Option(
            names = "--selftest",
            description = "Attach the probes and send a real kernel event through them.")
    boolean selftest;

    @Mixin StateDirOption state;

    @Override
    public Integer call() throws Exception {
        ProbeReport report;
        Selftest.Result result = null;
        if (selftest) {
            result = Selftest.run(LiveSourceOptions.defaults().withStateDir(state.stateDir));
            report = result.report();
        } else {
            report = new ProbeReport(new ProbePlanner(HostKernelFeatures.detect()).plan(false));
        }
        PrintStream out = System.out;
        out.print(output == OutputFormat.json ? json(report, result) : text(report, result));
        out.flush();
        if (result != null && !result.passed()) {
            return ExitCodes.FAILURE;
        }
        return exitCode(report.verdict());
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case COMPLETE -> ExitCodes.OK;
            case DEGRADED -> ExitCodes.DEGRADED;
            case IMPOSSIBLE -> ExitCodes.IMPOSSIBLE;
        };
    }

    static String text(ProbeReport report, Selftest.Result result) {
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        "%-20s %-34s %-10s %-11s %s%n",
                        "PROBE", "TARGET", "MODE", "STATUS", "REASON"));
        for (ProbeOutcome o : report.outcomes()) {
            s.append(
                    String.format(
                            "%-20s %-34s %-10s %-11s %s%n",
                            o.name(),
                            o.target(),
                            o.mode().label(),
                            o.status().label(),
                            o.reason()));
        }
        s.append("verdict: ").append(report.verdict().label()).append(System.lineSeparator());
        for (String lost : report.lostDetections()) {
            s.append("  lost: ").append(lost).append(System.lineSeparator());
        }
        if (result != null) {
            s.append("selftest: ")
                    .append(result.passed() ? "passed" : "FAILED")
                    .append(", ")
                    .append(result.detail())
                    .append(System.lineSeparator());
        }
        return s.toString();
    }

    static String json(ProbeReport report, Selftest.Result result) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("probes");
            for (ProbeOutcome o : report.outcomes()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("target", o.target());
                g.writeStringField("mode", o.mode().label());
                g.writeStringField("status", o.status().label());
                g.writeStringField("reason", o.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("verdict", report.verdict().label());
            g.writeArrayFieldStart("lost");
            for (String lost : report.lostDetections()) {
                g.writeString(lost);
            }
            g.writeEndArray();
            if (result != null) {
                g.writeObjectFieldStart("selftest");
                g.writeBooleanField("passed", result.passed());
                g.writeStringField("detail", result.detail());
                g.writeNumberField("events", result.eventsDelivered());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return text + System.lineSeparator();
    }
}
