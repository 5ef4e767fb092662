package io.pudwatch.cli;

import ch.qos.logback.classic.Level;
import io.pudwatch.config.ConfigException;
import io.pudwatch.config.ConfigLocation;
import io.pudwatch.logging.LoggingSetup;
import io.pudwatch.trace.TraceFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code pudwatch} command: global options, and the subcommands beneath. */
@Command(
        name = "pudwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Watches the race between the kernel page walker and VFIO huge PUD faults:",
            "a reader of /proc/PID/numa_maps or smaps splitting a 1 GiB BAR mapping while",
            "the VFIO fault path reinstalls it."
        },
        footer = ExitCodes.HELP_TEXT)
public final class PudwatchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description =
                    "YAML file of option values, a section per subcommand. Default:"
                            + " $PUDWATCH_CONFIG, else /etc/pudwatch/pudwatch.yaml if it exists."
                            + " PUDWATCH_<OPTION> variables (PUDWATCH_WINDOW_TIMEOUT) beat the"
                            + " file; flags beat both.")
    Path config;

    @Option(
            names = {"-v", "--verbose"},
            description = "More log output: -v for debug, -vv for trace.",
            scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean[] flags) {
        // picocli also calls this with no flags when it resets options to their defaults.
        if (flags == null || flags.length == 0) {
            return;
        }
        LoggingSetup.setLevel(flags.length >= 2 ? Level.TRACE : Level.DEBUG);
    }

    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            description = "Log lines on stderr as text (default) or JSON Lines for log shippers.",
            scope = CommandLine.ScopeType.INHERIT)
    void logFormat(String format) {
        if (format == null) {
            return;
        }
        try {
            LoggingSetup.configure(LogFormats.parse(format));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), e.getMessage(), e, null, format);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status instead of exiting. */
    public static int execute(String... args) {
        return ConfiguredCommandLine.execute(System.getenv(), ConfigLocation.DEFAULT_FILE, args);
    }

    /** The subcommands, in the order the help lists them. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("replay", ReplayCommand::new);
        all.put("simulate", SimulateCommand::new);
        all.put("run", RunCommand::new);
        all.put("demo", DemoCommand::new);
        all.put("check", CheckCommand::new);
        all.put("record", RecordCommand::new);
        all.put("doctor", DoctorCommand::new);
        all.put("triage", TriageCommand::new);
        all.put("config", ConfigCommand::new);
        return Collections.unmodifiableMap(all);
    }

    static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /**
     * The command line with every subcommand, or with {@code only} that one: picocli reads each
     * subcommand's annotations by reflection, which costs a short command such as {@code replay}
     * half of its start-up when done for all of them.
     */
    static CommandLine newCommandLine(String only) {
        LoggingSetup.restoreDefaults();
        CommandLine cli = new CommandLine(new PudwatchCommand());
        SUBCOMMANDS.forEach(
                (name, command) -> {
                    if (only == null || only.equals(name)) {
                        cli.addSubcommand(name, command.get());
                    }
                });
        cli.setExecutionExceptionHandler(PudwatchCommand::handleFailure);
        cli.setParameterExceptionHandler(PudwatchCommand::handleUsage);
        // Everything after the command named to 'pudwatch config' belongs to that command.
        CommandLine config = cli.getSubcommands().get("config");
        if (config != null) {
            config.setStopAtPositional(true);
        }
        return cli;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("pudwatch: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof TraceFormatException
                || e instanceof BadInputException
                || e instanceof ConfigException) {
            err.println("pudwatch: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("pudwatch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof CommandFailedException) {
            err.println("pudwatch: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        err.println("pudwatch: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILURE;
    }
}
