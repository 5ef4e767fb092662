package io.pudwatch.doctor;

import java.util.ArrayList;
import java.util.List;

/** The Linux capabilities the agent needs, read from the {@code CapEff} mask. */
final class Capabilities {
    // Bit numbers from include/uapi/linux/capability.h.
    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_SYS_RESOURCE = 24;
    static final int CAP_SYSLOG = 34;
    static final int CAP_PERFMON = 38;
    static final int CAP_BPF = 39;

    private Capabilities() {}

    /** Parses the hex mask of a {@code CapEff:} line of {@code /proc/PID/status}, or -1. */
    static long effective(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("CapEff:")) {
                try {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Whether the kernel charges BPF maps and programs to the memory cgroup, so that RLIMIT_MEMLOCK
     * (and CAP_SYS_RESOURCE to raise it) no longer matters: since 5.11, whose BPF series replaced
     * the rlimit-based accounting with memcg-based accounting. False when the release is unknown.
     */
    static boolean chargesBpfToMemcg(KernelRelease release) {
        return release != null && release.atLeast(5, 11);
    }

    static boolean lacksSysResource(long mask) {
        return !has(mask, CAP_SYS_RESOURCE);
    }

    /**
     * The names of the needed capabilities that {@code mask} lacks. Loading and attaching BPF
     * tracing programs takes CAP_BPF and CAP_PERFMON since 5.8, or CAP_SYS_ADMIN alone; reading
     * kernel addresses from kallsyms takes CAP_SYSLOG; raising the locked-memory limit for maps
     * takes CAP_SYS_RESOURCE, needed only when {@code memlockMatters} (before 5.11).
     */
    static List<String> missing(long mask, boolean memlockMatters) {
        List<String> missing = new ArrayList<>();
        boolean bpf = has(mask, CAP_BPF) && has(mask, CAP_PERFMON);
        if (!bpf && !has(mask, CAP_SYS_ADMIN)) {
            missing.add("CAP_BPF+CAP_PERFMON (or CAP_SYS_ADMIN)");
        }
        if (!has(mask, CAP_SYSLOG)) {
            missing.add("CAP_SYSLOG");
        }
        if (memlockMatters && !has(mask, CAP_SYS_RESOURCE)) {
            missing.add("CAP_SYS_RESOURCE");
        }
        return missing;
    }

    private static boolean has(long mask, int bit) {
        return (mask & (1L << bit)) != 0;
    }
}
