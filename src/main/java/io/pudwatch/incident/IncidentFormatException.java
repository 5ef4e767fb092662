package io.pudwatch.incident;

/** A line of an incident log is malformed; the message names FILE:LINE and what is wrong. */
public final class IncidentFormatException extends Exception {
    public IncidentFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
