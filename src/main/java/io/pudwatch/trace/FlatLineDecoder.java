package io.pudwatch.trace;

import io.pudwatch.event.EventType;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;

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
    private final char[] chars = new char[256];
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

    // Field numbers; a bit each in the "seen" mask.
    private static final int TS = 0;
    private static final int TYPE = 1;
    private static final int PID = 2;
    private static final int TID = 3;
    private static final int CPU = 4;
    private static final int COMM = 5;
    private static final int MM = 6;
    private static final int PUDP = 7;
    private static final int ADDR = 8;
    private static final int IP = 9;
    private static final int PFN = 10;
    private static final int COUNT = 11;
    private static final int WALKER = 12;
    private static final int SOURCE = 13;

    private static boolean complete(EventType type, int seen) {
        int need = bit(TS);
        if (type.hasThread()) {
            need |= bit(PID) | bit(TID);
        }
        need |=
                switch (type) {
                    case WALK_START, WALK_END, MM_EXIT -> bit(MM);
                    case PUD_SPLIT, PUD_INSTALL -> bit(MM) | bit(PUDP) | bit(ADDR);
                    case PMD_ENTRY -> bit(MM) | bit(ADDR);
                    case KERNEL_FAULT -> bit(ADDR);
                    case LOST -> bit(COUNT);
                };
        return (seen & need) == need;
    }

    private static int bit(int field) {
        return 1 << field;
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
        return switch (len) {
            case 2 -> is(from, "ts") ? TS : is(from, "mm") ? MM : is(from, "ip") ? IP : -1;
            case 3 ->
                    is(from, "pid")
                            ? PID
                            : is(from, "tid")
                                    ? TID
                                    : is(from, "cpu") ? CPU : is(from, "pfn") ? PFN : -1;
            case 4 ->
                    is(from, "type")
                            ? TYPE
                            : is(from, "comm")
                                    ? COMM
                                    : is(from, "pudp") ? PUDP : is(from, "addr") ? ADDR : -1;
            case 5 -> is(from, "count") ? COUNT : -1;
            case 6 -> is(from, "walker") ? WALKER : is(from, "source") ? SOURCE : -1;
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
                String name = string();
                e.type = name == null ? null : EventType.ofWireName(name);
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
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
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
            if (c < 0x20 || c == '\\' || c < 0 || pos - from >= chars.length) {
                return null;
            }
            chars[pos - from] = (char) c;
            pos++;
        }
        if (pos >= end) {
            return null;
        }
        int len = pos - from;
        pos++;
        return strings.intern(chars, 0, len);
    }

    private boolean is(int from, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (b[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
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
