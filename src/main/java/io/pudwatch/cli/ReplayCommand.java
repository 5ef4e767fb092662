package io.pudwatch.cli;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.CorrelatorStats;
import io.pudwatch.correlate.Outcome;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventType;
import io.pudwatch.report.IncidentJson;
import io.pudwatch.report.IncidentTable;
import io.pudwatch.trace.ReadStats;
import io.pudwatch.trace.TraceFormatException;
import io.pudwatch.trace.TraceReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pudwatch replay}: correlates a recorded or simulated trace and prints its incidents. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        header = "Correlate a trace and print its incidents.",
        description = {
            "Correlate a trace (format v1) and print its incidents on stdout,",
            "a summary on stderr."
        },
        footer = ExitCodes.HELP_TEXT)
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|-", description = "The trace; - reads standard input.")
    String input;

    @Option(
            names = "--output",
            defaultValue = "text",
            description =
                    "text (a table) or json (one incident per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Mixin CorrelatorOptions correlator;

    @Option(
            names = "--skip-invalid",
            description = "Count malformed lines and go on instead of stopping at the first.")
    boolean skipInvalid;

    @Override
    public Integer call() throws CommandFailedException, TraceFormatException {
        CorrelatorConfig config = correlator.config();
        PrintStream out =
                new PrintStream(
                        new BufferedOutputStream(System.out, 1 << 16),
                        false,
                        StandardCharsets.UTF_8);
        IncidentTable table = new IncidentTable(out);
        Pipeline pipeline =
                new Pipeline(
                        config,
                        correlator.reorderWindowNs(),
                        output == OutputFormat.json
                                ? incident -> out.println(IncidentJson.toJson(incident))
                                : table::add);

        String name = TraceInput.name(input);
        TraceReader reader;
        try (InputStream in = TraceInput.open(input)) {
            reader = new TraceReader(name, in, skipInvalid);
            reader.readAll(pipeline);
        } catch (IOException e) {
            throw new CommandFailedException(name + ": read failed: " + e.getMessage(), e);
        } finally {
            out.flush();
        }
        pipeline.end();
        if (output == OutputFormat.text) {
            table.finish();
        }
        out.flush();

        printSummary(reader.stats(), pipeline);
        return ExitCodes.OK;
    }

    private static void printSummary(ReadStats read, Pipeline pipeline) {
        CorrelatorStats stats = pipeline.correlator().stats();
        PrintStream err = System.err;
        err.println("events: " + read.totalEvents() + " (" + byType(read) + ")");
        err.println("incidents: " + stats.totalIncidents() + " (" + byOutcome(stats) + ")");
        err.println(
                "windows: "
                        + stats.windowsOpened()
                        + " opened, "
                        + stats.hits()
                        + " hit, "
                        + stats.uncertainWindows()
                        + " uncertain, "
                        + stats.windowsEvicted()
                        + " closed early at the open window cap");
        long skipped = read.invalidLines() + read.unknownTypeLines();
        StringBuilder why = new StringBuilder();
        if (read.unknownTypeLines() > 0) {
            why.append(read.unknownTypeLines())
                    .append(" of unknown type ")
                    .append(join(read.unknownTypes(), true));
        }
        if (read.invalidLines() > 0) {
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append(read.invalidLines())
                    .append(" malformed: ")
                    .append(join(read.invalidReasons(), false));
        }
        err.println(
                "skipped: "
                        + skipped
                        + " lines"
                        + (why.length() > 0 ? " (" + why + ")" : "")
                        + ", "
                        + read.unknownFields()
                        + " unknown fields");
        if (pipeline.reorderBuffer().lateEvents() > 0) {
            err.println(
                    "late: "
                            + pipeline.reorderBuffer().lateEvents()
                            + " events arrived later than the reorder window; widen"
                            + " --reorder-window for an exact result");
        }
        if (stats.lostEvents() > 0) {
            err.println("lost: the kernel dropped " + stats.lostEvents() + " events");
        }
    }

    private static String byType(ReadStats read) {
        StringBuilder s = new StringBuilder();
        for (EventType type : EventType.values()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(type.wireName()).append(' ').append(read.events(type));
        }
        return s.toString();
    }

    private static String byOutcome(CorrelatorStats stats) {
        StringBuilder s = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(outcome.label()).append(' ').append(stats.incidents(outcome));
        }
        return s.toString();
    }

    private static String join(Map<String, Long> counts, boolean quote) {
        return counts.entrySet().stream()
                .map(e -> (quote ? "'" + e.getKey() + "'" : e.getKey()) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
