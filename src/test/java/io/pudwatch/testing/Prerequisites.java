package io.pudwatch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a test that needs something outside the JVM runs, skips or fails.
 *
 * <p>Two kinds of need are told apart. An installable one (a Debian package, root) skips with its
 * reason on a developer's machine, but fails under {@code scripts/test}, which sets {@code
 * PUDWATCH_TEST_STRICT=1} after installing everything: there a skip would hide a missing install
 * step. A kernel limit (no kprobe PMU, fentry refused) always skips with its reason, because no
 * install step can lift it.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /** Whether the test run promised that every installable prerequisite is present. */
    public static boolean strict() {
        return "1".equals(System.getenv("PUDWATCH_TEST_STRICT"));
    }

    /**
     * Skips (or, in a strict run, fails) unless {@code present}; {@code what} says what is missing.
     */
    public static void assumeInstalled(boolean present, String what) {
        if (present) {
            return;
        }
        if (strict()) {
            fail("Missing prerequisite in a strict test run: " + what);
        }
        Assumptions.abort("Skipped: " + what);
    }

    /** Skips, saying why, unless the kernel allows what the test needs. */
    public static void assumeKernelAllows(boolean allowed, String why) {
        Assumptions.assumeTrue(allowed, () -> "Skipped, the kernel does not allow it: " + why);
    }

    /** Whether this process runs as root (uid 0). */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
