package io.pudwatch.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns short strings (comm names, walker kinds, fault sources) from characters or bytes without
 * allocating once a string has been seen.
 *
 * <p>A host has a few hundred distinct comm values at most, so a small open-addressed table that
 * overwrites on collision keeps memory fixed; a collision only costs one allocation the next time
 * the evicted string comes back. Each slot also keeps the string's bytes, so that a lookup from
 * bytes compares bytes. Not thread-safe: each decoder owns one.
 */
public final class StringPool {
    // 4096 slots: comfortably above the distinct comm values of a busy hypervisor, 32 KiB of refs.
    private static final int SLOTS = 4096;

    private final String[] strings = new String[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];

    /** Returns the interned string equal to {@code chars[offset, offset + length)}. */
    public String intern(char[] chars, int offset, int length) {
        int hash = 0;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            hash = 31 * hash + c;
            ascii &= c < 0x80;
        }
        int slot = spread(hash);
        String cached = strings[slot];
        if (cached != null && cached.length() == length && sameChars(cached, chars, offset)) {
            return cached;
        }
        String fresh = new String(chars, offset, length);
        remember(slot, fresh, ascii ? fresh.getBytes(StandardCharsets.US_ASCII) : null);
        return fresh;
    }

    /**
     * Returns the interned string for {@code bytes[offset, offset + length)}, which must be
     * printable ASCII (the trace decoder's fast path checks that before it asks).
     */
    public String internAscii(byte[] source, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + source[offset + i];
        }
        int slot = spread(hash);
        byte[] cached = bytes[slot];
        if (cached != null
                && Arrays.equals(cached, 0, cached.length, source, offset, offset + length)) {
            return strings[slot];
        }
        String fresh = new String(source, offset, length, StandardCharsets.US_ASCII);
        remember(slot, fresh, Arrays.copyOfRange(source, offset, offset + length));
        return fresh;
    }

    /**
     * Returns the interned string for a NUL-terminated ASCII or UTF-8 field of at most {@code max}
     * bytes, such as a kernel {@code comm[16]}.
     */
    public String internNulTerminated(byte[] source, int offset, int max) {
        int length = 0;
        boolean ascii = true;
        while (length < max && source[offset + length] != 0) {
            ascii &= source[offset + length] >= 0;
            length++;
        }
        if (ascii) {
            return internAscii(source, offset, length);
        }
        return new String(source, offset, length, StandardCharsets.UTF_8);
    }

    private void remember(int slot, String string, byte[] asciiBytes) {
        strings[slot] = string;
        bytes[slot] = asciiBytes;
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    private static boolean sameChars(String s, char[] chars, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
