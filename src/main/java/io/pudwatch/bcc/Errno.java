package io.pudwatch.bcc;

/** Symbolic names of the errno values that BPF loading and attaching give. */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int E2BIG = 7;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int EOPNOTSUPP = 95;
    static final int ENOTSUPP = 524;

    private Errno() {}

    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case 3 -> "ESRCH";
            case E2BIG -> "E2BIG";
            case 9 -> "EBADF";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case 14 -> "EFAULT";
            case 16 -> "EBUSY";
            case 17 -> "EEXIST";
            case 19 -> "ENODEV";
            case EINVAL -> "EINVAL";
            case 28 -> "ENOSPC";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case ENOTSUPP -> "ENOTSUPP";
            default -> "E" + errno;
        };
    }

    /** The errno of a call that returned {@code result}: libbpf 1.x returns -errno itself. */
    static int of(int result, int lastError) {
        return result < -1 ? -result : lastError;
    }
}
