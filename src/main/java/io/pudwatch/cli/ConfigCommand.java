package io.pudwatch.cli;

import io.pudwatch.config.ConfigException;
import io.pudwatch.config.ConfigLocation;
import io.pudwatch.config.ConfigValue;
import io.pudwatch.config.Origin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code pudwatch config}: prints the effective configuration and where each value came from. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        header = "Print the effective configuration and where each value came from.",
        description = {
            "Print the effective configuration and where each value came from.",
            "",
            "Each configurable option as KEY VALUE FROM, FROM being flag, env (and the",
            "variable), file (and FILE:LINE) or default. Precedence: flag > env > file >",
            "default. Given a command line such as 'replay --window-timeout 2s trace.jsonl',",
            "print the settings that command would run with, its flags included."
        },
        footer = ExitCodes.HELP_TEXT)
final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec CommandSpec spec;

    @CommandLine.Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "A subcommand and its arguments, to show the settings it would use.")
    List<String> commandLine = new ArrayList<>();

    private record Row(String key, String value, String from) {}

    @Override
    public Integer call() throws ConfigException {
        ConfigDefaultProvider provider = provider();
        List<Row> rows = new ArrayList<>();
        if (commandLine.isEmpty()) {
            everyCommand(spec.root(), provider, rows);
        } else {
            oneCommandLine(provider, rows);
        }

        PrintWriter out = spec.commandLine().getOut();
        ConfigLocation location = provider.configuration().location();
        out.println(
                "configuration file: "
                        + location.file()
                                .map(f -> f + " (" + location.how() + ")")
                                .orElse(location.how()));
        print(out, rows);
        out.flush();
        return ExitCodes.OK;
    }

    private ConfigDefaultProvider provider() {
        CommandLine.IDefaultValueProvider provider = spec.defaultValueProvider();
        if (provider instanceof ConfigDefaultProvider configured) {
            return configured;
        }
        return new ConfigDefaultProvider(io.pudwatch.config.Configuration.none());
    }

    private static void everyCommand(
            CommandSpec command, ConfigDefaultProvider provider, List<Row> rows)
            throws ConfigException {
        for (OptionSpec option : ConfigurableOptions.ownConfigurable(command)) {
            rows.add(row(option, provider.lookup(option), null));
        }
        for (CommandSpec sub : ConfigurableOptions.subcommands(command)) {
            everyCommand(sub, provider, rows);
        }
    }

    private void oneCommandLine(ConfigDefaultProvider provider, List<Row> rows)
            throws ConfigException {
        CommandLine parser = PudwatchCommand.newCommandLine();
        parser.setDefaultValueProvider(provider);
        ParseResult last = parser.parseArgs(commandLine.toArray(String[]::new));
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        for (OptionSpec option : last.commandSpec().options()) {
            if (ConfigurableOptions.keyName(option) != null) {
                rows.add(row(option, provider.lookup(option), last));
            }
        }
        provider.failIfProblems();
    }

    private static Row row(OptionSpec option, Optional<ConfigValue> configured, ParseResult flags) {
        String key = dottedKey(option);
        if (flags != null && flags.hasMatchedOption(option)) {
            List<String> given = flags.matchedOption(option.longestName()).stringValues();
            String value =
                    given.isEmpty() ? String.valueOf(option.getValue()) : String.join(",", given);
            return new Row(key, value, Origin.FLAG.label());
        }
        if (configured.isPresent()) {
            return new Row(key, configured.get().value(), configured.get().describeOrigin());
        }
        String fallback = option.defaultValue();
        if (fallback == null) {
            fallback = option.type() == boolean.class ? "false" : "(none)";
        }
        return new Row(key, fallback, Origin.DEFAULT.label());
    }

    private static String dottedKey(OptionSpec option) {
        CommandSpec owner = option.command();
        if (option.inherited()) {
            while (owner.parent() != null
                    && owner.parent().findOption(option.longestName()) != null) {
                owner = owner.parent();
            }
        }
        List<String> path = new ArrayList<>(ConfigurableOptions.sectionPath(owner));
        path.add(ConfigurableOptions.keyName(option));
        return String.join(".", path);
    }

    private static void print(PrintWriter out, List<Row> rows) {
        int keyWidth = "KEY".length();
        int valueWidth = "VALUE".length();
        for (Row row : rows) {
            keyWidth = Math.max(keyWidth, row.key().length());
            valueWidth = Math.max(valueWidth, row.value().length());
        }
        String format = "%-" + keyWidth + "s  %-" + valueWidth + "s  %s%n";
        out.printf(format, "KEY", "VALUE", "FROM");
        for (Row row : rows) {
            out.printf(format, row.key(), row.value(), row.from());
        }
    }
}
