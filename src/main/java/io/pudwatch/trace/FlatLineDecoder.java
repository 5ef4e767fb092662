package io.pudwatch.trace;

import io.pudwatch.event.EventType;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the one shape of line that pudwatch itself writes, a flat object of known fields with
 * plain strings, integers and hex strings, straight from the bytes.
 *
 * <p>Replay spends most of its time in decoding, and a general JSON parser's setup per line and its
 * warm-up in a short-lived JVM cost several times what this scan does (see {@code
 * docs/performance.md}). It accepts a line only when it is certain: any escape, nesting, float,
 * unknown key or type, duplicate or missing required field makes it decline, and the line goes to
 * Jackson, which then decides whether it is valid and says what is wrong. So errors and forward
 * compatibility have one implementation, and this class is only ever a shortcut. A property test
 * holds both decoders to the same result.
 */
final class FlatLineDecoder {
    private final StringPool strings;
    // Longer strings go through Jackson; no comm, walker or source comes near it.
    private static final int MAX_STRING = 255;

    private int pos;
    private byte[] b;
    private int end;

    FlatLineDecoder(StringPool strings) {
        this.strings = strings;
    }

    /** Fills {@code e} from the line and returns true, or returns false to defer to Jackson. */
    boolean decode(byte[] bytes, int start, int limit, TraceEvent e) {
        b = bytes;
        pos = start;
        end = limit;
        e.clear();
        int seen = 0;
        if (!expect('{')) {
            return false;
        }
        skipSpace();
        if (pos < end && b[pos] == '}') {
            return false;
        }
        while (true) {
            skipSpace();
            int field = key();
            if (field < 0 || (seen & (1 << field)) != 0) {
                return false;
            }
            seen |= 1 << field;
            skipSpace();
            if (!expect(':')) {
                return false;
            }
            skipSpace();
            if (!value(field, e)) {
                return false;
            }
            skipSpace();
            if (pos >= end) {
                return false;
            }
            byte c = b[pos++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return false;
            }
        }
        skipSpace();
        return pos == end && e.type != null && complete(e.type, seen);
    }

    // Field numbers of TraceFields; a bit each in the "seen" mask.
    private static final int TS = TraceFields.TS;
    private static final int TYPE = TraceFields.TYPE;
    private static final int PID = TraceFields.PID;
    private static final int TID = TraceFields.TID;
    private static final int CPU = TraceFields.CPU;
    private static final int COMM = TraceFields.COMM;
    private static final int MM = TraceFields.MM;
    private static final int PUDP = TraceFields.PUDP;
    private static final int ADDR = TraceFields.ADDR;
    private static final int IP = TraceFields.IP;
    private static final int PFN = TraceFields.PFN;
    private static final int COUNT = TraceFields.COUNT;
    private static final int WALKER = TraceFields.WALKER;
    private static final int SOURCE = TraceFields.SOURCE;

    private static final byte[][] NAMES = new byte[TraceFields.NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = ascii(TraceFields.NAMES[i]);
        }
    }

    /** The value of each byte as a hex digit, or -1: one load instead of three range checks. */
    private static final byte[] HEX_DIGITS = new byte[256];

    static {
        Arrays.fill(HEX_DIGITS, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_DIGITS["0123456789abcdef".charAt(i)] = (byte) i;
            HEX_DIGITS["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    private static final EventType[] TYPES = EventType.values();
    private static final byte[][] TYPE_NAMES = new byte[TYPES.length][];

    static {
        for (int i = 0; i < TYPES.length; i++) {
            TYPE_NAMES[i] = ascii(TYPES[i].wireName());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean same(byte[] name, int from, int len) {
        return Arrays.equals(name, 0, name.length, b, from, from + len);
    }

    private static boolean complete(EventType type, int seen) {
        int need = TraceFields.required(type);
        return (seen & need) == need;
    }

    private int key() {
        if (!expect('"')) {
            return -1;
        }
        int from = pos;
        while (pos < end && b[pos] != '"') {
            if (b[pos] == '\\') {
                return -1;
            }
            pos++;
        }
        if (pos >= end) {
            return -1;
        }
        int len = pos - from;
        pos++;
        int field = fieldOf(b[from], len);
        if (field == PID && !same(NAMES[PID], from, len)) {
            field = PFN;
        }
        return field >= 0 && same(NAMES[field], from, len) ? field : -1;
    }

    // Candidate field by first byte and length: one comparison of the whole name follows.
    private static int fieldOf(byte first, int len) {
        return switch (len) {
            case 2 -> first == 't' ? TS : first == 'm' ? MM : first == 'i' ? IP : -1;
            case 3 -> first == 't' ? TID : first == 'c' ? CPU : first == 'p' ? PID : -1;
            case 4 ->
                    first == 't'
                            ? TYPE
                            : first == 'c' ? COMM : first == 'p' ? PUDP : first == 'a' ? ADDR : -1;
            case 5 -> first == 'c' ? COUNT : -1;
            case 6 -> first == 'w' ? WALKER : first == 's' ? SOURCE : -1;
            default -> -1;
        };
    }

    private boolean value(int field, TraceEvent e) {
        switch (field) {
            case TS -> {
                return (e.ts = integer(true)) != TraceEvent.ABSENT;
            }
            case PID -> {
                return (e.pid = integer(false)) != TraceEvent.ABSENT;
            }
            case TID -> {
                return (e.tid = integer(false)) != TraceEvent.ABSENT;
            }
            case CPU -> {
                return (e.cpu = integer(false)) != TraceEvent.ABSENT;
            }
            case COUNT -> {
                e.count = integer(false);
                return e.count != TraceEvent.ABSENT && e.count >= 1;
            }
            case TYPE -> {
                e.type = type();
                return e.type != null;
            }
            case COMM -> {
                return (e.comm = string()) != null;
            }
            case WALKER -> {
                return (e.walker = string()) != null;
            }
            case SOURCE -> {
                return (e.source = string()) != null;
            }
            default -> {
                return hexField(field, e);
            }
        }
    }

    private boolean hexField(int field, TraceEvent e) {
        if (pos >= end || b[pos] != '"') {
            return false;
        }
        int from = pos + 1;
        int close = from;
        while (close < end && b[close] != '"') {
            close++;
        }
        int len = close - from;
        if (close >= end || len < 3 || len > 18 || b[from] != '0' || b[from + 1] != 'x') {
            return false;
        }
        long value = 0;
        for (int i = from + 2; i < close; i++) {
            int digit = hexDigit(b[i]);
            if (digit < 0) {
                return false;
            }
            value = (value << 4) | digit;
        }
        pos = close + 1;
        switch (field) {
            case MM -> e.mm = value;
            case PUDP -> e.pudp = value;
            case ADDR -> e.addr = value;
            case IP -> {
                e.ip = value;
                e.hasIp = true;
            }
            default -> {
                e.pfn = value;
                e.hasPfn = true;
            }
        }
        return true;
    }

    private static int hexDigit(byte c) {
        return HEX_DIGITS[c & 0xff];
    }

    /** A non-negative integer of at most 18 digits (so no overflow), or ABSENT to decline. */
    private long integer(boolean allowNegative) {
        boolean negative = false;
        if (allowNegative && pos < end && b[pos] == '-') {
            negative = true;
            pos++;
        }
        int from = pos;
        long value = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            value = value * 10 + (b[pos] - '0');
            pos++;
        }
        int digits = pos - from;
        if (digits == 0 || digits > 18 || (digits > 1 && b[from] == '0')) {
            return TraceEvent.ABSENT;
        }
        if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
            return TraceEvent.ABSENT;
        }
        return negative ? -value : value;
    }

    /** A string of printable ASCII without escapes, interned; {@code null} to decline. */
    private String string() {
        if (pos >= end || b[pos] != '"') {
            return null;
        }
        int from = ++pos;
        while (pos < end && b[pos] != '"') {
            byte c = b[pos];
            if (c < 0x20 || c == '\\') {
                return null;
            }
            pos++;
        }
        if (pos >= end || pos - from > MAX_STRING) {
            return null;
        }
        pos++;
        return strings.internAscii(b, from, pos - 1 - from);
    }

    /** A known event type's wire name, or {@code null} to decline. */
    private EventType type() {
        if (pos >= end || b[pos] != '"') {
            return null;
        }
        int from = ++pos;
        while (pos < end && b[pos] != '"') {
            pos++;
        }
        if (pos >= end) {
            return null;
        }
        int len = pos - from;
        pos++;
        for (int i = 0; i < TYPES.length; i++) {
            if (same(TYPE_NAMES[i], from, len)) {
                return TYPES[i];
            }
        }
        return null;
    }

    private boolean expect(char c) {
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
    }
}
