package io.pudwatch.incident;

/**
 * What {@code /proc} said about a process on one side of an incident, read when the incident was
 * found. The process may have exited by then ({@code gone}), and its pid may even have been reused
 * by another process: the {@code comm} of the incident's events is the one to trust.
 *
 * @param cmdline the command line with arguments separated by spaces, or {@code null}
 * @param cgroup the cgroup v2 path ({@code 0::} line), else the first hierarchy's path, or {@code
 *     null}
 * @param containerId the container id found in the cgroup path (docker, containerd, CRI-O, podman),
 *     or {@code null}
 * @param gone whether {@code /proc/PID} had gone when it was read
 * @param lookedUp whether {@code /proc} was read at all: not for a replayed or simulated trace,
 *     whose pids are no processes of this host
 */
public record ProcessInfo(
        long pid,
        String comm,
        String cmdline,
        String cgroup,
        String containerId,
        boolean gone,
        boolean lookedUp) {

    /** What {@code /proc} said about a process it was asked about. */
    public ProcessInfo(
            long pid,
            String comm,
            String cmdline,
            String cgroup,
            String containerId,
            boolean gone) {
        this(pid, comm, cmdline, cgroup, containerId, gone, true);
    }

    /** A process whose {@code /proc} entry could not be read. */
    public static ProcessInfo gone(long pid) {
        return new ProcessInfo(pid, null, null, null, null, true, true);
    }

    /** A process of a replayed or simulated trace, which {@code /proc} knows nothing about. */
    public static ProcessInfo notLookedUp(long pid) {
        return new ProcessInfo(pid, null, null, null, null, false, false);
    }
}
