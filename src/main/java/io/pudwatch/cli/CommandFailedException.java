package io.pudwatch.cli;

/** A command could not do its work; the message says why and, where there is one, the fix. */
public final class CommandFailedException extends Exception {
    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
