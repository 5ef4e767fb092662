package io.pudwatch.trace;

import io.pudwatch.event.EventType;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the one shape of line that pudwatch itself writes, a flat object of known fields with
 * plain strings, integers and hex strings, straight from the bytes, finding the line's end as it
 * goes.
 *
 * <p>Replay spends most of its time in decoding, and a general JSON parser's setup per line and its
 * warm-up in a short-lived JVM cost several times what this scan does (see {@code
 * docs/performance.md}). It accepts a line only when it is certain: any escape, nesting, float,
 * unknown key or type, duplicate or missing required field makes it decline, and the line goes to
 * Jackson, which then decides whether it is valid and says what is wrong. So errors and forward
 * compatibility have one implementation, and this class is only ever a shortcut. A property test
 * holds both decoders to the same result.
 *
 * <p>A short-lived replay runs this code compiled by C1, which neither removes bounds checks nor
 * keeps fields in registers, so the scanning loops work on locals and compare names byte by byte
 * rather than through {@code Arrays.equals}, whose range checks cost more than the names' few
 * bytes.
 */
final class FlatLineDecoder {
    private final StringPool strings;
    // Longer strings go through Jackson; no comm, walker or source comes near it.
    private static final int MAX_STRING = 255;
    // No field name is longer; a longer key is unknown.
    private static final int MAX_NAME = 6;

    /** Where the last value ended: the helpers return a value and leave their position here. */
    private int pos;

    FlatLineDecoder(StringPool strings) {
        this.strings = strings;
    }

    /**
     * Decodes the line that starts at {@code start} and ends at the next newline or at {@code
     * limit}, filling {@code e}.
     *
     * @return the index just past the line's newline (or {@code limit}), or -1 to leave the line to
     *     Jackson, in which case {@code e} holds garbage
     */
    int decodeLine(byte[] b, int start, int limit, TraceEvent e) {
        int p = start;
        while (p < limit && isBlank(b[p])) {
            p++;
        }
        if (p >= limit || b[p] != '{') {
            return -1;
        }
        p++;
        e.clear();
        int seen = 0;
        while (true) {
            while (p < limit && isSpace(b[p])) {
                p++;
            }
            if (p >= limit || b[p] != '"') {
                return -1;
            }
            int field = key(b, p + 1, limit);
            if (field < 0 || (seen & (1 << field)) != 0) {
                return -1;
            }
            seen |= 1 << field;
            p = pos;
            while (p < limit && isSpace(b[p])) {
                p++;
            }
            if (p >= limit || b[p] != ':') {
                return -1;
            }
            p++;
            while (p < limit && isSpace(b[p])) {
                p++;
            }
            if (p >= limit || !value(field, b, p, limit, e)) {
                return -1;
            }
            p = pos;
            while (p < limit && isSpace(b[p])) {
                p++;
            }
            if (p >= limit) {
                return -1;
            }
            byte c = b[p++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return -1;
            }
        }
        while (p < limit && isBlank(b[p])) {
            p++;
        }
        if (p < limit && b[p] != '\n') {
            return -1;
        }
        if (p - start > TraceReader.MAX_LINE_BYTES || e.type == null || !complete(e.type, seen)) {
            return -1;
        }
        return p < limit ? p + 1 : limit;
    }

    /** Blanks between tokens, as JSON allows them and pudwatch's lines may have them. */
    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** Blanks around a line, which the reader trims, carriage returns included. */
    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
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

    /** Each field's name, its bytes packed into a long the way {@link #key} packs a key's. */
    private static final long[] PACKED_NAMES = new long[TraceFields.NAMES.length];

    static {
        for (int i = 0; i < PACKED_NAMES.length; i++) {
            for (byte c : ascii(TraceFields.NAMES[i])) {
                PACKED_NAMES[i] = (PACKED_NAMES[i] << 8) | (c & 0xff);
            }
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

    private static final int MAX_TYPE_NAME;

    static {
        int longest = 0;
        for (int i = 0; i < TYPES.length; i++) {
            TYPE_NAMES[i] = ascii(TYPES[i].wireName());
            longest = Math.max(longest, TYPE_NAMES[i].length);
        }
        MAX_TYPE_NAME = longest;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code b[from, from + len)} is {@code name}. */
    private static boolean same(byte[] name, byte[] b, int from, int len) {
        if (name.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (name[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean complete(EventType type, int seen) {
        int need = TraceFields.required(type);
        return (seen & need) == need;
    }

    /**
     * The field named by the key whose text starts at {@code from}, just past its opening quote,
     * leaving {@link #pos} past its closing quote; -1 for a name this class does not know. The
     * name's bytes are packed into a long as they are scanned, so telling it from every other name
     * is one comparison.
     */
    private int key(byte[] b, int from, int limit) {
        int p = from;
        int stop = Math.min(limit, from + MAX_NAME + 1);
        long packed = 0;
        while (p < stop) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            packed = (packed << 8) | (c & 0xff);
            p++;
        }
        if (p >= stop) {
            return -1;
        }
        pos = p + 1;
        int field = fieldOf(b[from], p - from);
        if (field == PID && b[from + 1] == 'f') {
            field = PFN;
        }
        return field >= 0 && packed == PACKED_NAMES[field] ? field : -1;
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

    /** Reads the value at {@code p} into {@code e}, leaving {@link #pos} past it. */
    private boolean value(int field, byte[] b, int p, int limit, TraceEvent e) {
        switch (field) {
            case TS -> {
                return (e.ts = integer(b, p, limit, true)) != TraceEvent.ABSENT;
            }
            case PID -> {
                return (e.pid = integer(b, p, limit, false)) != TraceEvent.ABSENT;
            }
            case TID -> {
                return (e.tid = integer(b, p, limit, false)) != TraceEvent.ABSENT;
            }
            case CPU -> {
                return (e.cpu = integer(b, p, limit, false)) != TraceEvent.ABSENT;
            }
            case COUNT -> {
                e.count = integer(b, p, limit, false);
                return e.count != TraceEvent.ABSENT && e.count >= 1;
            }
            case TYPE -> {
                e.type = type(b, p, limit);
                return e.type != null;
            }
            case COMM -> {
                return (e.comm = string(b, p, limit)) != null;
            }
            case WALKER -> {
                return (e.walker = string(b, p, limit)) != null;
            }
            case SOURCE -> {
                return (e.source = string(b, p, limit)) != null;
            }
            default -> {
                return hexField(field, b, p, limit, e);
            }
        }
    }

    /** {@code "0x"} and 1 to 16 hex digits in quotes, in one pass. */
    private boolean hexField(int field, byte[] b, int p, int limit, TraceEvent e) {
        if (p + 3 >= limit || b[p] != '"' || b[p + 1] != '0' || b[p + 2] != 'x') {
            return false;
        }
        int from = p + 3;
        int stop = Math.min(limit, from + 17);
        long value = 0;
        int i = from;
        while (i < stop) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            int digit = HEX_DIGITS[c & 0xff];
            if (digit < 0) {
                return false;
            }
            value = (value << 4) | digit;
            i++;
        }
        if (i >= stop || i == from) {
            return false;
        }
        pos = i + 1;
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

    /** A non-negative integer of at most 18 digits (so no overflow), or ABSENT to decline. */
    private long integer(byte[] b, int p, int limit, boolean allowNegative) {
        boolean negative = false;
        if (allowNegative && b[p] == '-') {
            negative = true;
            p++;
        }
        int from = p;
        int stop = Math.min(limit, from + 19);
        long value = 0;
        while (p < stop) {
            int digit = b[p] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            p++;
        }
        int digits = p - from;
        if (digits == 0 || digits > 18 || (digits > 1 && b[from] == '0')) {
            return TraceEvent.ABSENT;
        }
        if (p < limit && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) {
            return TraceEvent.ABSENT;
        }
        pos = p;
        return negative ? -value : value;
    }

    /** A string of printable ASCII without escapes, interned; {@code null} to decline. */
    private String string(byte[] b, int p, int limit) {
        if (b[p] != '"') {
            return null;
        }
        int from = p + 1;
        int stop = Math.min(limit, from + MAX_STRING + 1);
        int i = from;
        while (i < stop) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') {
                return null;
            }
            i++;
        }
        if (i >= stop) {
            return null;
        }
        pos = i + 1;
        return strings.internAscii(b, from, i - from);
    }

    /** A known event type's wire name, or {@code null} to decline. */
    private EventType type(byte[] b, int p, int limit) {
        if (b[p] != '"') {
            return null;
        }
        int from = p + 1;
        int stop = Math.min(limit, from + MAX_TYPE_NAME + 1);
        int i = from;
        while (i < stop && b[i] != '"') {
            i++;
        }
        if (i >= stop) {
            return null;
        }
        int len = i - from;
        pos = i + 1;
        for (int t = 0; t < TYPES.length; t++) {
            if (same(TYPE_NAMES[t], b, from, len)) {
                return TYPES[t];
            }
        }
        return null;
    }
}
