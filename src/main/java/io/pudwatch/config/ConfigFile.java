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
        return Optional.ofNullable(entries.get(dottedKey(sectionPath, key)));
    }

    /** {@code run.listen}: a key as the file's messages name it, and as entries are kept. */
    static String dottedKey(List<String> sectionPath, String key) {
        return sectionPath.isEmpty() ? key : String.join(".", sectionPath) + "." + key;
    }

    /** How many keys the file sets. */
    public int size() {
        return entries.size();
    }
}
