package io.pudwatch.event;

import java.nio.charset.StandardCharsets;

/**
 * Interns short strings (comm names, walker kinds, fault sources) from characters or bytes without
 * allocating once a string has been seen.
 *
 * <p>A host has a few hundred distinct comm values at most, so a small open-addressed table that
 * overwrites on collision keeps memory fixed; a collision only costs one allocation the next time
 * the evicted string comes back. Not thread-safe: each decoder owns one.
 */
public final class StringPool {
    // 4096 slots: comfortably above the distinct comm values of a busy hypervisor, 32 KiB of refs.
    private static final int SLOTS = 4096;

    private final String[] slots = new String[SLOTS];

    /** Returns the interned string equal to {@code chars[offset, offset + length)}. */
    public String intern(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = spread(hash);
        String cached = slots[slot];
        if (cached != null && cached.length() == length && sameChars(cached, chars, offset)) {
            return cached;
        }
        String fresh = new String(chars, offset, length);
        slots[slot] = fresh;
        return fresh;
    }

    /**
     * Returns the interned string for a NUL-terminated ASCII or UTF-8 field of at most {@code max}
     * bytes, such as a kernel {@code comm[16]}.
     */
    public String internNulTerminated(byte[] bytes, int offset, int max) {
        int length = 0;
        int hash = 0;
        while (length < max && bytes[offset + length] != 0) {
            hash = 31 * hash + (bytes[offset + length] & 0xff);
            length++;
        }
        int slot = spread(hash);
        String cached = slots[slot];
        if (cached != null && cached.length() == length && sameBytes(cached, bytes, offset)) {
            return cached;
        }
        String fresh = new String(bytes, offset, length, StandardCharsets.UTF_8);
        slots[slot] = fresh;
        return fresh;
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

    private static boolean sameBytes(String s, byte[] bytes, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != (bytes[offset + i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
