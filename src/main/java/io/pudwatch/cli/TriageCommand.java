package io.pudwatch.cli;

import io.pudwatch.incident.IncidentFormatException;
import io.pudwatch.incident.IncidentLookup;
import io.pudwatch.incident.IncidentRecord;
import io.pudwatch.incident.IncidentRecordJson;
import io.pudwatch.triage.IncidentSources;
import io.pudwatch.triage.TriageText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pudwatch triage}: the incidents an agent found, and the whole story of one. */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        header = "List incidents, or tell one in full.",
        description = {
            "List the incidents a pudwatch agent found, or tell one in full: its timeline",
            "in kernel terms and plain words, the processes involved, and what to do now.",
            "Reads the agent's /api/incidents, or its incident log on disk."
        },
        footer = ExitCodes.HELP_TEXT)
final class TriageCommand implements Callable<Integer> {
    static final String DEFAULT_AGENT = "http://127.0.0.1:9742";

    @Spec CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "ID",
            description = "The incident to tell; a unique prefix of its id will do.")
    String id;

    @Option(
            names = "--from",
            paramLabel = "URL|FILE",
            defaultValue = DEFAULT_AGENT,
            description =
                    "An agent's URL, an incident log file, or a state directory"
                            + " (/var/lib/pudwatch/incidents). Default: ${DEFAULT-VALUE}.")
    String from;

    @Option(
            names = "--since",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Only incidents found within this long (10m, 2h).")
    Duration since;

    @Option(
            names = "--output",
            defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Override
    public Integer call() throws CommandFailedException, BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            List<IncidentRecord> records = list();
            if (output == OutputFormat.json) {
                out.println("[");
                for (int n = 0; n < records.size(); n++) {
                    out.println(
                            IncidentRecordJson.toJson(records.get(n), false)
                                    + (n + 1 < records.size() ? "," : ""));
                }
                out.println("]");
            } else {
                out.print(TriageText.list(records));
            }
        } else {
            IncidentRecord record =
                    one().orElseThrow(
                                    () ->
                                            new CommandFailedException(
                                                    "No incident in "
                                                            + from
                                                            + " has the id '"
                                                            + id
                                                            + "'; run 'pudwatch triage --from "
                                                            + from
                                                            + "' to list them."));
            out.print(
                    output == OutputFormat.json
                            ? IncidentRecordJson.toJson(record, true) + "\n"
                            : TriageText.detail(record));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<IncidentRecord> list() throws CommandFailedException, BadInputException {
        if (IncidentSources.isUrl(from)) {
            try {
                return IncidentSources.listFromAgent(from, since);
            } catch (IOException | InterruptedException e) {
                throw agentFailed(e);
            }
        }
        return fromFiles(since == null ? null : Instant.now().minus(since));
    }

    private Optional<IncidentRecord> one() throws CommandFailedException, BadInputException {
        if (IncidentSources.isUrl(from)) {
            try {
                return IncidentSources.oneFromAgent(from, id);
            } catch (IOException | InterruptedException e) {
                throw agentFailed(e);
            }
        }
        return IncidentLookup.find(fromFiles(null), id);
    }

    private List<IncidentRecord> fromFiles(Instant after)
            throws CommandFailedException, BadInputException {
        Path path = Path.of(from);
        if (!Files.exists(path)) {
            throw new CommandFailedException(
                    from
                            + ": no such file or directory; --from takes an agent's URL,"
                            + " an incident log or the agent's state directory.");
        }
        try {
            return IncidentSources.fromFiles(path, after);
        } catch (IncidentFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailedException(from + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private CommandFailedException agentFailed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof ConnectException) {
            return new CommandFailedException(
                    "No pudwatch agent answers at "
                            + from
                            + "; is 'pudwatch run' up? Without it,"
                            + " read the log: --from /var/lib/pudwatch/incidents",
                    e);
        }
        return new CommandFailedException(from + ": " + e.getMessage(), e);
    }
}
