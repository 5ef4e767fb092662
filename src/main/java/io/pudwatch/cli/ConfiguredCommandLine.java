package io.pudwatch.cli;

import io.pudwatch.config.ConfigException;
import io.pudwatch.config.ConfigLocation;
import io.pudwatch.config.Configuration;
import io.pudwatch.config.EnvironmentNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs a command line with the configuration file and the environment standing in for the flags not
 * given. The file is read and checked before parsing, so a wrong key anywhere in it stops every
 * command with its file and line.
 */
final class ConfiguredCommandLine {
    private ConfiguredCommandLine() {}

    static int execute(Map<String, String> env, Path defaultFile, String... args) {
        CommandLine cli = PudwatchCommand.newCommandLine(soleSubcommand(env, defaultFile, args));
        try {
            configure(cli, env, defaultFile, args);
        } catch (ConfigException e) {
            cli.getErr().println("pudwatch: " + e.getMessage());
            cli.getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        return cli.execute(args);
    }

    /**
     * Reads the configuration that applies to {@code args} and makes it the source of the defaults
     * of {@code cli} and all its subcommands.
     *
     * @throws ConfigException when the named file is missing or wrong
     */
    static void configure(CommandLine cli, Map<String, String> env, Path defaultFile, String[] args)
            throws ConfigException {
        ConfigLocation location = ConfigLocation.choose(configFlag(args), env, defaultFile);
        Configuration configuration =
                Configuration.load(location, ConfigurableOptions.schema(cli.getCommandSpec()), env);
        ConfigDefaultProvider provider = new ConfigDefaultProvider(configuration);
        cli.setDefaultValueProvider(provider);
        cli.setExecutionStrategy(
                parsed -> {
                    try {
                        provider.failIfProblems();
                    } catch (ConfigException e) {
                        throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
                    }
                    return new CommandLine.RunLast().execute(parsed);
                });
    }

    /**
     * The subcommand that is all this command line needs, or {@code null} for the whole tree: when
     * it names a subcommand first and no configuration file or {@code PUDWATCH_} variable exists,
     * nothing about the other subcommands can matter, not even a check of their keys.
     */
    static String soleSubcommand(Map<String, String> env, Path defaultFile, String[] args) {
        if (args.length == 0 || !PudwatchCommand.SUBCOMMANDS.containsKey(args[0])) {
            return null;
        }
        if (configFlag(args) != null || Files.exists(defaultFile)) {
            return null;
        }
        for (String name : env.keySet()) {
            if (EnvironmentNames.isPudwatchVariable(name)) {
                return null;
            }
        }
        return args[0];
    }

    /**
     * The value of {@code --config}, found before parsing because it decides the defaults the parse
     * uses; null when it is not given.
     */
    static String configFlag(String[] args) {
        String found = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--config") && i + 1 < args.length) {
                found = args[++i];
            } else if (arg.startsWith("--config=")) {
                found = arg.substring("--config=".length());
            }
        }
        return found;
    }
}
