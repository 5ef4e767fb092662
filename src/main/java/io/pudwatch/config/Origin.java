package io.pudwatch.config;

/** Where an effective setting came from, in order of precedence. */
public enum Origin {
    FLAG("flag"),
    ENV("env"),
    FILE("file"),
    DEFAULT("default");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
