package io.pudwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings that stand in for command-line flags not given: an environment variable {@code
 * PUDWATCH_<KEY>} first, then the configuration file's section of the command, then the sections
 * above it. A flag on the command line beats both; the option's own default applies when neither
 * sets it.
 */
public final class Configuration {
    private final ConfigLocation location;
    private final Optional<ConfigFile> file;
    private final Map<String, String> env;

    private Configuration(
            ConfigLocation location, Optional<ConfigFile> file, Map<String, String> env) {
        this.location = location;
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /**
     * Reads and checks the file the location names, if any.
     *
     * @throws ConfigException naming each wrong key of the file, with its line
     */
    public static Configuration load(
            ConfigLocation location, ConfigSection schema, Map<String, String> env)
            throws ConfigException {
        Optional<ConfigFile> file = Optional.empty();
        if (location.file().isPresent()) {
            file = Optional.of(new ConfigFileReader(schema).read(location.file().get()));
        }
        return new Configuration(location, file, env);
    }

    /** Defaults only: no file, no environment. */
    public static Configuration none() {
        return new Configuration(
                new ConfigLocation(Optional.empty(), "none"), Optional.empty(), Map.of());
    }

    public ConfigLocation location() {
        return location;
    }

    /**
     * The value the environment or the file gives {@code key} for the command at {@code
     * sectionPath}, or empty when the option keeps its own default.
     *
     * @throws ConfigException when the environment variable holds a value the option rejects
     */
    public Optional<ConfigValue> lookup(List<String> sectionPath, ConfigKey key)
            throws ConfigException {
        String variable = key.environmentName();
        String fromEnv = env.get(variable);
        if (fromEnv != null) {
            try {
                key.check().check(fromEnv);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "environment variable " + variable + ": " + e.getMessage(), e);
            }
            return Optional.of(new ConfigValue(fromEnv, Origin.ENV, variable));
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>(sectionPath);
        while (true) {
            Optional<ConfigEntry> entry = file.get().entry(path, key.name());
            if (entry.isPresent()) {
                String where = file.get().path() + ":" + entry.get().line();
                return Optional.of(new ConfigValue(entry.get().value(), Origin.FILE, where));
            }
            if (path.isEmpty()) {
                return Optional.empty();
            }
            path.remove(path.size() - 1);
        }
    }
}
