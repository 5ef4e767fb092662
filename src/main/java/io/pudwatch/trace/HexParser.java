package io.pudwatch.trace;

/** Parses the {@code "0x..."} strings that trace v1 uses for 64-bit kernel addresses. */
final class HexParser {
    /**
     * Returned for malformed input. It is also the value of {@code 0xffffffffffffffff}, which
     * callers tell apart with {@link #isAllOnes}.
     */
    static final long INVALID = -1L;

    private HexParser() {}

    static long parse(char[] chars, int offset, int length) {
        if (length < 3 || length > 18 || chars[offset] != '0') {
            return INVALID;
        }
        char x = chars[offset + 1];
        if (x != 'x' && x != 'X') {
            return INVALID;
        }
        long value = 0;
        for (int i = offset + 2; i < offset + length; i++) {
            int digit = Character.digit(chars[i], 16);
            if (digit < 0) {
                return INVALID;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    static boolean isAllOnes(char[] chars, int offset, int length) {
        if (length < 3 || chars[offset] != '0' || (chars[offset + 1] | 0x20) != 'x') {
            return false;
        }
        int digits = 0;
        for (int i = offset + 2; i < offset + length; i++) {
            if (chars[i] == '0' && digits == 0) {
                continue;
            }
            if (chars[i] != 'f' && chars[i] != 'F') {
                return false;
            }
            digits++;
        }
        return digits == 16;
    }
}
