package io.pudwatch.config;

import java.util.List;

/** One key read from the configuration file, its value as option text, and where it stood. */
record ConfigEntry(List<String> sectionPath, String key, String value, int line) {
    String dottedKey() {
        return sectionPath.isEmpty() ? key : String.join(".", sectionPath) + "." + key;
    }
}
