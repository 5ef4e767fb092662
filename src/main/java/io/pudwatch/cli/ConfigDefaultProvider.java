package io.pudwatch.cli;

import io.pudwatch.config.ConfigException;
import io.pudwatch.config.ConfigValue;
import io.pudwatch.config.Configuration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives picocli the environment's or the configuration file's value for every option not given on
 * the command line; picocli falls back to the option's own default when this returns null.
 */
final class ConfigDefaultProvider implements CommandLine.IDefaultValueProvider {
    private final Configuration configuration;
    private final Set<String> problems = new LinkedHashSet<>();

    ConfigDefaultProvider(Configuration configuration) {
        this.configuration = configuration;
    }

    Configuration configuration() {
        return configuration;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        try {
            return lookup(option).map(ConfigValue::value).orElse(null);
        } catch (ConfigException e) {
            // picocli swallows what this method throws, so the problem is kept and reported
            // before the command runs.
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The environment's or the file's value for {@code option}; empty for its own default. */
    Optional<ConfigValue> lookup(OptionSpec option) throws ConfigException {
        if (ConfigurableOptions.keyName(option) == null) {
            return Optional.empty();
        }
        return configuration.lookup(
                ConfigurableOptions.sectionPath(option.command()), ConfigurableOptions.key(option));
    }

    /**
     * @throws ConfigException naming every environment variable whose value was refused
     */
    void failIfProblems() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join(System.lineSeparator(), problems));
        }
    }
}
