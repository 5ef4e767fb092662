package io.pudwatch.config;

/** Tells whether a configured value suits a key, the way the command line would read it. */
@FunctionalInterface
public interface ValueCheck {
    /**
     * @throws IllegalArgumentException with a sentence saying what is wrong with {@code value}
     */
    void check(String value);

    /** Accepts every value. */
    ValueCheck ANY = value -> {};
}
