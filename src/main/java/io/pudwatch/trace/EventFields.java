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
    private static final int TS = 1;
    private static final int TYPE = 1 << 1;
    private static final int PID = 1 << 2;
    private static final int TID = 1 << 3;
    private static final int MM = 1 << 4;
    private static final int PUDP = 1 << 5;
    private static final int ADDR = 1 << 6;
    private static final int COUNT = 1 << 7;

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
            case "ts" -> e.ts = integer(p, name, TS);
            case "type" -> readType(p, e);
            case "pid" -> e.pid = integer(p, name, PID);
            case "tid" -> e.tid = integer(p, name, TID);
            case "cpu" -> e.cpu = integer(p, name, 0);
            case "count" -> e.count = integer(p, name, COUNT);
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
                                ? integer(p, name, 0)
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
        require(e.type, TS, "ts");
        if (e.type.hasThread()) {
            require(e.type, PID, "pid");
            require(e.type, TID, "tid");
        }
        switch (e.type) {
            case WALK_START, WALK_END, MM_EXIT -> require(e.type, MM, "mm");
            case PUD_SPLIT, PUD_INSTALL -> {
                require(e.type, MM, "mm");
                require(e.type, PUDP, "pudp");
                require(e.type, ADDR, "addr");
            }
            case PMD_ENTRY -> {
                require(e.type, MM, "mm");
                require(e.type, ADDR, "addr");
            }
            case KERNEL_FAULT -> require(e.type, ADDR, "addr");
            case LOST -> {
                require(e.type, COUNT, "count");
                if (e.count < 1) {
                    throw error("field 'count' of a lost event must be at least 1, not " + e.count);
                }
            }
        }
    }

    private void require(EventType type, int bit, String name) throws TraceFormatException {
        if ((seen & bit) == 0) {
            throw error(
                    "required field '"
                            + name
                            + "' is missing from a "
                            + type.wireName()
                            + " event");
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

    private long integer(JsonParser p, String name, int bit) throws IOException {
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
        if (name.equals("pid")
                || name.equals("tid")
                || name.equals("cpu")
                || name.equals("count")) {
            if (value < 0) {
                problem("field '" + name + "' must not be negative, not " + value);
            }
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
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> p.getText();
        };
    }
}
