package io.pudwatch.cli;

/** The exit statuses of every subcommand, listed in {@code pudwatch --help}. */
public final class ExitCodes {
    /** Done; for {@code check}, detection is complete; for {@code doctor}, not exposed. */
    public static final int OK = 0;

    /** A run-time failure: I/O, a kernel refusal at start-up, an internal error. */
    public static final int FAILURE = 1;

    /** The command line is wrong. */
    public static final int USAGE = 2;

    /** An input file (trace, configuration, incident log) is malformed. */
    public static final int BAD_INPUT = 3;

    /** {@code check}: some probes are missing, detection is degraded. */
    public static final int DEGRADED = 4;

    /** {@code check}: nothing can be detected on this host. */
    public static final int IMPOSSIBLE = 5;

    /** {@code doctor}: this host is exposed to the race (vulnerable kernel and VFIO in use). */
    public static final int EXPOSED = 6;

    /** {@code doctor}: exposure could not be decided (an unverified kernel with VFIO in use). */
    public static final int EXPOSURE_UNKNOWN = 7;

    static final String HELP_TEXT =
            "%nExit status:%n"
                    + "  0  done (check: detection complete; doctor: not exposed)%n"
                    + "  1  run-time failure%n"
                    + "  2  usage error%n"
                    + "  3  malformed input file%n"
                    + "  4  check: detection degraded%n"
                    + "  5  check: detection impossible%n"
                    + "  6  doctor: host exposed%n"
                    + "  7  doctor: exposure unknown%n";

    private ExitCodes() {}
}
