package io.pudwatch.config;

/**
 * A configured value as the command line would have received it.
 *
 * @param source the environment variable, or FILE:LINE, that set it; empty for a flag or default
 */
public record ConfigValue(String value, Origin origin, String source) {
    /** {@code env PUDWATCH_LISTEN}, {@code file /etc/pudwatch/pudwatch.yaml:4}, {@code default}. */
    public String describeOrigin() {
        return source.isEmpty() ? origin.label() : origin.label() + " " + source;
    }
}
