package io.pudwatch.event;

/**
 * Receives events in the order a source produces them.
 *
 * <p>The event instance belongs to the caller and may be reused as soon as {@link #accept} returns:
 * a sink that keeps an event must copy it.
 */
public interface EventSink {
    void accept(TraceEvent event);

    /** Called once when the source has no more events; the default does nothing. */
    default void end() {}
}
