package io.pudwatch.bcc;

/**
 * A libbcc or kernel refusal: what was attempted, the errno the kernel gave (0 when none), and a
 * hint at the fix when one is known.
 */
public class BpfException extends Exception {
    private final int errno;
    private final String hint;

    public BpfException(String message, int errno, String hint) {
        super(compose(message, errno, hint));
        this.errno = errno;
        this.hint = hint;
    }

    /** The errno of the failing call, or 0 when the call gave none. */
    public int errno() {
        return errno;
    }

    /** What might fix it, or {@code null}. */
    public String hint() {
        return hint;
    }

    /** The errno as a symbolic name, "E" followed by the number when the name is not known. */
    public String errnoName() {
        return Errno.name(errno);
    }

    private static String compose(String message, int errno, String hint) {
        StringBuilder s = new StringBuilder(message);
        if (errno != 0) {
            s.append(" (").append(Errno.name(errno)).append(')');
        }
        if (hint != null && !hint.isEmpty()) {
            s.append(". ").append(hint);
        }
        return s.toString();
    }
}
