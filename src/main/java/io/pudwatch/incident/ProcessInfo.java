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
 */
public record ProcessInfo(
        long pid, String comm, String cmdline, String cgroup, String containerId, boolean gone) {

    /** A process whose {@code /proc} entry could not be read. */
    public static ProcessInfo gone(long pid) {
        return new ProcessInfo(pid, null, null, null, null, true);
    }
}
