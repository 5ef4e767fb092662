package io.pudwatch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configuration file that was read and found valid against the commands' options. */
public final class ConfigFile {
    private final Path path;
    private final Map<String, ConfigEntry> entries;

    ConfigFile(Path path, Map<String, ConfigEntry> entries) {
        this.path = path;
        this.entries = Collections.unmodifiableMap(entries);
    }

    public Path path() {
        return path;
    }

    /** The value written for {@code key} in exactly the section at {@code sectionPath}. */
    Optional<ConfigEntry> entry(List<String> sectionPath, String key) {
        String dotted = sectionPath.isEmpty() ? key : String.join(".", sectionPath) + "." + key;
        return Optional.ofNullable(entries.get(dotted));
    }

    /** How many keys the file sets. */
    public int size() {
        return entries.size();
    }
}
