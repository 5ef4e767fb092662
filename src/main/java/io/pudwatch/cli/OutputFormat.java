package io.pudwatch.cli;

/**
 * What {@code --output} of a reporting command selects: text for people, or JSON for scripts. The
 * constants are lower case because picocli and the configuration file match option values to them
 * by name.
 */
enum OutputFormat {
    text,
    json
}
