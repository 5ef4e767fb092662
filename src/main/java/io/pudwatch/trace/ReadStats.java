package io.pudwatch.trace;

import io.pudwatch.event.EventType;
import java.util.Map;
import java.util.TreeMap;

/** What a {@link TraceReader} saw besides the events it delivered. */
public final class ReadStats {
    long lines;
    long blankLines;
    long invalidLines;
    long unknownFields;
    final long[] events = new long[EventType.values().length];
    final Map<String, Long> unknownTypes = new TreeMap<>();
    final Map<String, Long> invalidReasons = new TreeMap<>();
    String firstInvalid;

    /** The counts of two readers of one trace, as if one had read it all. */
    static ReadStats merge(ReadStats a, ReadStats b, String firstInvalid) {
        ReadStats m = new ReadStats();
        for (ReadStats s : new ReadStats[] {a, b}) {
            m.lines += s.lines;
            m.blankLines += s.blankLines;
            m.invalidLines += s.invalidLines;
            m.unknownFields += s.unknownFields;
            for (int i = 0; i < m.events.length; i++) {
                m.events[i] += s.events[i];
            }
            s.unknownTypes.forEach((k, v) -> m.unknownTypes.merge(k, v, Long::sum));
            s.invalidReasons.forEach((k, v) -> m.invalidReasons.merge(k, v, Long::sum));
        }
        m.firstInvalid = firstInvalid;
        return m;
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

    /** Lines skipped for an event type this version does not know, by type. */
    public Map<String, Long> unknownTypes() {
        return unknownTypes;
    }

    public long unknownTypeLines() {
        return unknownTypes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Malformed lines skipped, by what was wrong (without the line number). */
    public Map<String, Long> invalidReasons() {
        return invalidReasons;
    }

    /** The first malformed line's full message, or {@code null}. */
    public String firstInvalid() {
        return firstInvalid;
    }
}
