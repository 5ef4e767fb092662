package io.pudwatch.cli;

import io.pudwatch.config.ConfigKey;
import io.pudwatch.config.ConfigSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Maps picocli's model of the commands onto configuration keys: every long option of every
 * subcommand becomes a key of that subcommand's section, named without its dashes. Walking the
 * model means a new option is configurable the moment it is declared.
 */
final class ConfigurableOptions {
    /** Options that select the configuration, or print and exit, and so cannot be configured. */
    private static final Set<String> NOT_CONFIGURABLE = Set.of("--config");

    private ConfigurableOptions() {}

    /** The key {@code option} is configured by, or null when it cannot be configured. */
    static String keyName(OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String longest = option.longestName();
        if (!longest.startsWith("--") || NOT_CONFIGURABLE.contains(longest)) {
            return null;
        }
        // A flag that counts its repetitions (-vv) has no single value to write down.
        if (option.isMultiValue() && option.arity().max() == 0) {
            return null;
        }
        return longest.substring(2);
    }

    static ConfigKey key(OptionSpec option) {
        String name = keyName(option);
        String separator = listSeparator(option);
        return new ConfigKey(name, OptionValueCheck.of(option), option.defaultValue(), separator);
    }

    /** The section path of a command: its subcommand names below the top command. */
    static List<String> sectionPath(CommandSpec command) {
        List<String> path = new ArrayList<>();
        for (CommandSpec c = command; c.parent() != null; c = c.parent()) {
            path.add(0, c.name());
        }
        return path;
    }

    /** The sections and keys of {@code command} and every subcommand beneath it. */
    static ConfigSection schema(CommandSpec command) {
        List<ConfigKey> keys = new ArrayList<>();
        for (OptionSpec option : ownConfigurable(command)) {
            keys.add(key(option));
        }
        List<ConfigSection> sections = new ArrayList<>();
        for (CommandSpec sub : subcommands(command)) {
            ConfigSection section = schema(sub);
            if (!section.keys().isEmpty() || !section.sections().isEmpty()) {
                sections.add(section);
            }
        }
        String name = command.parent() == null ? "" : command.name();
        return new ConfigSection(name, keys, sections);
    }

    /**
     * The configurable options that are keys of {@code command}'s own section: not those it
     * inherits, which are keys of the section above.
     */
    static List<OptionSpec> ownConfigurable(CommandSpec command) {
        List<OptionSpec> own = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.inherited() && keyName(option) != null) {
                own.add(option);
            }
        }
        return own;
    }

    /** The subcommands of {@code command} in declaration order, each once whatever its aliases. */
    static List<CommandSpec> subcommands(CommandSpec command) {
        List<CommandSpec> distinct = new ArrayList<>();
        Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandLine sub : command.subcommands().values()) {
            if (seen.add(sub)) {
                distinct.add(sub.getCommandSpec());
            }
        }
        return distinct;
    }

    private static String listSeparator(OptionSpec option) {
        // A YAML list can stand for a multi-value option only where picocli splits one value
        // into several at a plain separator, which the list's items are then joined with.
        if (!option.isMultiValue() || option.splitRegex().isEmpty()) {
            return null;
        }
        String split = option.splitRegex();
        return split.length() == 1 && ",;:".contains(split) ? split : null;
    }
}
