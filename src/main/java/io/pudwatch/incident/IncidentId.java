package io.pudwatch.incident;

import io.pudwatch.correlate.Incident;

/**
 * Short incident ids that sort by time: 10 characters of the millisecond the incident was found (as
 * a ULID's time part) and 6 derived from the host, the split and the walker thread, in Crockford's
 * base32 (no I, L, O or U, so an id read aloud at 3 a.m. is not misheard).
 */
final class IncidentId {
    private static final char[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private IncidentId() {}

    static String of(long recordedAtMillis, String host, Incident incident) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, host.hashCode());
        h = mix(h, incident.mm());
        h = mix(h, incident.pudp());
        h = mix(h, incident.splitTs());
        h = mix(h, incident.walker().tid() == null ? -1 : incident.walker().tid());
        char[] id = new char[16];
        encode(recordedAtMillis, id, 0, 10);
        encode(h >>> 34, id, 10, 6);
        return new String(id);
    }

    private static void encode(long value, char[] out, int offset, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            out[i] = DIGITS[(int) (value & 31)];
            value >>>= 5;
        }
    }

    // FNV-1a over the value's eight bytes.
    private static long mix(long h, long value) {
        for (int i = 0; i < 8; i++) {
            h ^= (value >>> (8 * i)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
