package io.pudwatch.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pudwatch.event.EventType;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.io.IOException;

/**
 * Reads the fields of one trace-v1 line into an event and checks that its type's required fields
 * are there.
 *
 * <p>A field of the wrong type is remembered rather than thrown at once, because it only matters
 * when the line's type is one this version knows: an unknown type is skipped whole.
 */
final class EventFields {
    // The bits of TraceFields for the fields whose presence is checked.
    private static final int TS = TraceFields.bit(TraceFields.TS);
    private static final int TYPE = TraceFields.bit(TraceFields.TYPE);
    private static final int PID = TraceFields.bit(TraceFields.PID);
    private static final int TID = TraceFields.bit(TraceFields.TID);
    private static final int MM = TraceFields.bit(TraceFields.MM);
    private static final int PUDP = TraceFields.bit(TraceFields.PUDP);
    private static final int ADDR = TraceFields.bit(TraceFields.ADDR);
    private static final int COUNT = TraceFields.bit(TraceFields.COUNT);

    private final StringPool strings;
    private String source;
    private long line;
    private int seen;
    private String unknownType;
    private String firstProblem;

    EventFields(StringPool strings) {
        this.strings = strings;
    }

    void begin(String source, long line) {
        this.source = source;
        this.line = line;
        seen = 0;
        unknownType = null;
        firstProblem = null;
    }

    /** The type name when it is not one this version knows, else {@code null}. */
    String unknownType() {
        return unknownType;
    }

    TraceFormatException error(String problem) {
        return new TraceFormatException(source, line, problem);
    }

    /** Reads the value of field {@code name}; returns false for a field this version ignores. */
    boolean read(String name, JsonParser p, TraceEvent e) throws IOException {
        switch (name) {
            case "ts" -> e.ts = integer(p, name, TS, true);
            case "type" -> readType(p, e);
            case "pid" -> e.pid = integer(p, name, PID, false);
            case "tid" -> e.tid = integer(p, name, TID, false);
            case "cpu" -> e.cpu = integer(p, name, 0, false);
            case "count" -> e.count = integer(p, name, COUNT, false);
            case "comm" -> e.comm = string(p, name);
            case "walker" -> e.walker = string(p, name);
            case "source" -> e.source = string(p, name);
            case "mm" -> e.mm = hex(p, name, MM);
            case "pudp" -> e.pudp = hex(p, name, PUDP);
            case "addr" -> e.addr = hex(p, name, ADDR);
            case "ip" -> {
                e.ip = hex(p, name, 0);
                e.hasIp = p.currentToken() != JsonToken.VALUE_NULL && firstProblem == null;
            }
            case "pfn" -> {
                // A PFN fits in 52 bits, so an integer is accepted beside the hex string.
                e.pfn =
                        p.currentToken() == JsonToken.VALUE_NUMBER_INT
                                ? integer(p, name, 0, true)
                                : hex(p, name, 0);
                e.hasPfn = p.currentToken() != JsonToken.VALUE_NULL;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    void checkRequired(TraceEvent e) throws TraceFormatException {
        if ((seen & TYPE) == 0) {
            throw error(firstProblem != null ? firstProblem : "required field 'type' is missing");
        }
        if (firstProblem != null) {
            throw error(firstProblem);
        }
        int missing = TraceFields.firstMissing(e.type, seen);
        if (missing >= 0) {
            throw error(
                    "required field '"
                            + TraceFields.NAMES[missing]
                            + "' is missing from a "
                            + e.type.wireName()
                            + " event");
        }
        if (e.type == EventType.LOST && e.count < 1) {
            throw error("field 'count' of a lost event must be at least 1, not " + e.count);
        }
    }

    private void readType(JsonParser p, TraceEvent e) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            problem("field 'type' must be a string, not " + describe(p));
            return;
        }
        String name = p.getText();
        EventType type = EventType.ofWireName(name);
        if (type == null) {
            unknownType = name;
        }
        e.type = type;
        seen |= TYPE;
    }

    private long integer(JsonParser p, String name, int bit, boolean mayBeNegative)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return TraceEvent.ABSENT;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            problem("field '" + name + "' must be an integer, not " + describe(p));
            return TraceEvent.ABSENT;
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            problem("field '" + name + "' is out of range: " + p.getText());
            return TraceEvent.ABSENT;
        }
        long value = p.getLongValue();
        if (!mayBeNegative && value < 0) {
            problem("field '" + name + "' must not be negative, not " + value);
        }
        seen |= bit;
        return value;
    }

    private String string(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            problem("field '" + name + "' must be a string, not " + describe(p));
            return null;
        }
        return strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private long hex(JsonParser p, String name, int bit) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_STRING) {
            problem("field '" + name + "' must be a hex string like \"0x1f\", not " + describe(p));
            return 0;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        long value = HexParser.parse(chars, offset, length);
        if (value == HexParser.INVALID && !HexParser.isAllOnes(chars, offset, length)) {
            problem("field '" + name + "' is not a valid hex value: \"" + p.getText() + "\"");
            return 0;
        }
        seen |= bit;
        return value;
    }

    private void problem(String text) {
        if (firstProblem == null) {
            firstProblem = text;
        }
    }

    private static String describe(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> "the string \"" + p.getText() + "\"";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> p.getText();
        };
    }
}
