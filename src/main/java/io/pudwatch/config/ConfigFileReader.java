package io.pudwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML configuration file and checks every key and value against the commands' options,
 * so that a mistake anywhere in the file stops start-up with its file, line and key, even in a
 * section of a subcommand that is not the one running.
 */
public final class ConfigFileReader {
    private final ConfigSection schema;

    public ConfigFileReader(ConfigSection schema) {
        this.schema = schema;
    }

    /**
     * @throws ConfigException listing every problem found, each as FILE:LINE: KEY: what is wrong
     */
    public ConfigFile read(Path file) throws ConfigException {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = new YAMLFactory().createParser(in)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first != null && first != JsonToken.START_OBJECT) {
                throw new ConfigException(
                        file
                                + ":"
                                + line(parser)
                                + ": the configuration must be a mapping of keys to values,"
                                + " such as 'run:' followed by indented 'listen: 0.0.0.0:9742'.");
            }
            if (first != null) {
                readSection(parser, file, schema, List.of(), entries, problems);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such configuration file.", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(
                    file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join(System.lineSeparator(), problems));
        }
        return new ConfigFile(file, entries);
    }

    private void readSection(
            JsonParser parser,
            Path file,
            ConfigSection section,
            List<String> path,
            Map<String, ConfigEntry> entries,
            List<String> problems)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = line(parser);
            String where = file + ":" + line + ": " + ConfigFile.dottedKey(path, name) + ": ";
            JsonToken value = parser.nextToken();
            Optional<ConfigSection> nested = section.section(name);
            Optional<ConfigKey> key = section.key(name);

            if (nested.isPresent()) {
                if (value == JsonToken.START_OBJECT) {
                    List<String> deeper = new ArrayList<>(path);
                    deeper.add(name);
                    readSection(parser, file, nested.get(), deeper, entries, problems);
                } else {
                    parser.skipChildren();
                    problems.add(
                            where
                                    + "is the section of the '"
                                    + name
                                    + "' command; write its keys indented beneath it.");
                }
                continue;
            }
            if (key.isEmpty()) {
                parser.skipChildren();
                problems.add(where + unknownKey(section, path, name));
                continue;
            }
            try {
                String text = valueText(parser, value, key.get());
                key.get().check().check(text);
                entries.put(ConfigFile.dottedKey(path, name), new ConfigEntry(text, line));
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
    }

    private static String valueText(JsonParser parser, JsonToken value, ConfigKey key)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            throw new IllegalArgumentException("has no value; give one or remove the key.");
        }
        if (value == JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw new IllegalArgumentException("takes a value, not a mapping.");
        }
        if (value == JsonToken.START_ARRAY) {
            if (key.listSeparator() == null) {
                parser.skipChildren();
                throw new IllegalArgumentException("takes one value, not a list.");
            }
            List<String> items = new ArrayList<>();
            for (JsonToken t = parser.nextToken();
                    t != JsonToken.END_ARRAY;
                    t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    throw new IllegalArgumentException("takes a list of plain values.");
                }
                items.add(parser.getText());
            }
            return String.join(key.listSeparator(), items);
        }
        return parser.getText();
    }

    private static String unknownKey(ConfigSection section, List<String> path, String name) {
        String where = path.isEmpty() ? "" : " in section '" + String.join(".", path) + "'";
        StringBuilder message = new StringBuilder("unknown key" + where + ".");
        List<String> candidates = new ArrayList<>(section.keys().keySet());
        candidates.addAll(section.sections().keySet());
        Optional<String> closest = ClosestName.of(name, candidates);
        List<String> elsewhere = section.sectionsWithKey(name);
        if (closest.isPresent()) {
            message.append(" Did you mean '").append(closest.get()).append("'?");
        } else if (!elsewhere.isEmpty()) {
            message.append(" It is a key of the section ")
                    .append(String.join(" or ", elsewhere))
                    .append("; move it there.");
        } else if (candidates.isEmpty()) {
            message.append(" This section takes no keys.");
        } else {
            message.append(path.isEmpty() ? " Known keys and sections: " : " Known keys: ")
                    .append(String.join(", ", candidates))
                    .append('.');
        }
        return message.toString();
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
