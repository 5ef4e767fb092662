package io.pudwatch.incident;

/**
 * Where the recorder learns about the processes of an incident. A live agent reads {@code /proc}
 * ({@link ProcessReader}); replaying a trace or running the simulator must not, because the pids of
 * a trace name processes of another host or of no host at all, and {@code /proc} would name
 * whatever unrelated local process happens to hold the same pid: {@link #NONE} is for them.
 */
@FunctionalInterface
public interface ProcessLookup {
    /** Looks nothing up: every record says the process details are not available. */
    ProcessLookup NONE = ProcessInfo::notLookedUp;

    /** What can be learnt about {@code pid} now. */
    ProcessInfo read(long pid);
}
