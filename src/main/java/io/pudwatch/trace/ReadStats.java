package io.pudwatch.trace;

import io.pudwatch.event.EventType;
import java.util.Arrays;
import java.util.Map;

/**
 * What a {@link TraceReader} saw besides the events it delivered: the counts of one chunk while it
 * is decoded, and their sum over the chunks delivered.
 */
public final class ReadStats {
    // Distinct unknown types and problems named; the rest are counted together.
    private static final int MAX_NAMES = 32;

    long lines;
    long blankLines;
    long invalidLines;
    long unknownFields;
    final long[] events = new long[EventType.values().length];
    final CappedCounts unknownTypes = new CappedCounts(MAX_NAMES, "other types");
    final CappedCounts invalidReasons = new CappedCounts(MAX_NAMES, "other problems");
    String firstInvalid;

    /** Adds a chunk's counts; the first malformed line is the caller's to keep. */
    void add(ReadStats chunk) {
        lines += chunk.lines;
        blankLines += chunk.blankLines;
        invalidLines += chunk.invalidLines;
        unknownFields += chunk.unknownFields;
        for (int i = 0; i < events.length; i++) {
            events[i] += chunk.events[i];
        }
        unknownTypes.addAll(chunk.unknownTypes);
        invalidReasons.addAll(chunk.invalidReasons);
    }

    void clear() {
        lines = 0;
        blankLines = 0;
        invalidLines = 0;
        unknownFields = 0;
        Arrays.fill(events, 0);
        unknownTypes.clear();
        invalidReasons.clear();
        firstInvalid = null;
    }

    public long lines() {
        return lines;
    }

    public long blankLines() {
        return blankLines;
    }

    /** Lines skipped for being malformed, when the reader was told to go on. */
    public long invalidLines() {
        return invalidLines;
    }

    /** Fields this version does not know, skipped. */
    public long unknownFields() {
        return unknownFields;
    }

    public long events(EventType type) {
        return events[type.ordinal()];
    }

    public long totalEvents() {
        long sum = 0;
        for (long n : events) {
            sum += n;
        }
        return sum;
    }

    /**
     * Lines skipped for an event type this version does not know, by type: the 32 alphabetically
     * first by name, any others under "other types".
     */
    public Map<String, Long> unknownTypes() {
        return unknownTypes.asMap();
    }

    public long unknownTypeLines() {
        return unknownTypes.total();
    }

    /**
     * Malformed lines skipped, by what was wrong (without the line number): the 32 alphabetically
     * first problems, any others under "other problems".
     */
    public Map<String, Long> invalidReasons() {
        return invalidReasons.asMap();
    }

    /** The first malformed line's full message, or {@code null}. */
    public String firstInvalid() {
        return firstInvalid;
    }
}
