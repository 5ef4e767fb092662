package io.pudwatch.cli;

/** An input file is malformed; the message names the file, line or key and what is wrong. */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
