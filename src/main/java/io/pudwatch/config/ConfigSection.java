package io.pudwatch.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one section of the configuration file may hold: the keys of one command, and a nested
 * section per subcommand. The top section holds the options every subcommand shares.
 */
public final class ConfigSection {
    private final String name;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, ConfigSection> sections = new LinkedHashMap<>();

    /**
     * @param name the subcommand's name; empty for the top section
     */
    public ConfigSection(String name, List<ConfigKey> keys, List<ConfigSection> sections) {
        this.name = name;
        for (ConfigKey key : keys) {
            this.keys.put(key.name(), key);
        }
        for (ConfigSection section : sections) {
            if (this.keys.containsKey(section.name())) {
                throw new IllegalArgumentException(
                        "Section '"
                                + section.name()
                                + "' has the name of a key of the same section; rename one.");
            }
            this.sections.put(section.name(), section);
        }
    }

    public String name() {
        return name;
    }

    public Map<String, ConfigKey> keys() {
        return Collections.unmodifiableMap(keys);
    }

    public Map<String, ConfigSection> sections() {
        return Collections.unmodifiableMap(sections);
    }

    public Optional<ConfigKey> key(String keyName) {
        return Optional.ofNullable(keys.get(keyName));
    }

    public Optional<ConfigSection> section(String sectionName) {
        return Optional.ofNullable(sections.get(sectionName));
    }

    /** The dotted paths of the sections below this one that have a key named {@code keyName}. */
    List<String> sectionsWithKey(String keyName) {
        List<String> found = new ArrayList<>();
        for (ConfigSection section : sections.values()) {
            if (section.keys.containsKey(keyName)) {
                found.add(section.name);
            }
            for (String deeper : section.sectionsWithKey(keyName)) {
                found.add(section.name + "." + deeper);
            }
        }
        return found;
    }
}
