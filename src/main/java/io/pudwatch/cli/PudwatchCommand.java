package io.pudwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pudwatch.trace.TraceFormatException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
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
        footer = ExitCodes.HELP_TEXT,
        subcommands = {
            ReplayCommand.class,
            SimulateCommand.class,
            RunCommand.class,
            DemoCommand.class
        })
public final class PudwatchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            description = "More log output: -v for debug, -vv for trace.",
            scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean[] flags) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(flags.length >= 2 ? Level.TRACE : Level.DEBUG);
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
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new PudwatchCommand());
        cli.setExecutionExceptionHandler(PudwatchCommand::handleFailure);
        cli.setParameterExceptionHandler(PudwatchCommand::handleUsage);
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
        if (e instanceof TraceFormatException || e instanceof BadInputException) {
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
