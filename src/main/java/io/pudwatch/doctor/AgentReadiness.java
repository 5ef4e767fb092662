package io.pudwatch.doctor;

import io.pudwatch.kernel.BtfFile;
import io.pudwatch.kernel.KernelHeaders;
import io.pudwatch.kernel.KprobePmu;
import io.pudwatch.kernel.Tracefs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the agent itself needs from the host: BTF, probe types, headers, capabilities. Each check
 * asks what the agent's own start-up asks, of the same paths, but under a root directory, so that a
 * fixture tree can stand in for a host.
 */
final class AgentReadiness {

    private AgentReadiness() {}

    static List<Finding> check(Path root, String release) {
        return List.of(
                btf(root),
                kprobes(root),
                tracefs(root),
                headers(root, release),
                capabilities(root, release),
                panicOnOops(root));
    }

    /** {@code path}, an absolute path of a host, under {@code root}. */
    static Path under(Path root, Path path) {
        return root.resolve(path.toString().substring(1));
    }

    // The agent takes every struct offset from BTF, never from headers: a header tree may be of
    // another kernel (Debian 12 ships 6.1 headers for any kernel it runs).
    private static Finding btf(Path root) {
        boolean ok = Files.isReadable(under(root, BtfFile.VMLINUX));
        return new Finding(
                "btf",
                ok,
                ok
                        ? BtfFile.VMLINUX
                                + " is present: struct offsets come from the running kernel"
                        : BtfFile.VMLINUX
                                + " is missing: the probes that read kernel structs (walk, split,"
                                + " install) will not be available, only tracepoints (exit, faults)"
                                + " work; run a kernel built with CONFIG_DEBUG_INFO_BTF=y");
    }

    private static Finding kprobes(Path root) {
        boolean ok = Files.isDirectory(under(root, KprobePmu.PATH));
        return new Finding(
                "kprobes",
                ok,
                ok
                        ? "the kprobe PMU is present: the walk, split and install probes can"
                                + " attach as kprobes where fentry is refused"
                        : "no kprobe PMU at "
                                + KprobePmu.PATH
                                + " (CONFIG_KPROBES is not set, or the kernel predates 4.17):"
                                + " the walk, split and install probes can attach only as fentry,"
                                + " which needs BTF and a kernel that allows it, else only"
                                + " tracepoints (exit, faults) work; 'pudwatch check' shows"
                                + " which");
    }

    private static Finding tracefs(Path root) {
        for (Path tracing : List.of(Tracefs.TRACING, Tracefs.DEBUG_TRACING)) {
            if (Files.isDirectory(under(root, tracing).resolve("events"))) {
                return new Finding("tracefs", true, "tracefs is mounted at " + tracing);
            }
        }
        return new Finding(
                "tracefs",
                false,
                "tracefs is not mounted: the agent mounts it at start when it runs as root;"
                        + " otherwise run 'mount -t tracefs nodev "
                        + Tracefs.TRACING
                        + "' first");
    }

    private static Finding headers(Path root, String release) {
        if (release == null) {
            return new Finding(
                    "headers",
                    false,
                    "the kernel release cannot be read, so no header tree can be chosen for it");
        }
        Optional<Path> tree;
        try {
            tree =
                    KernelHeaders.findTree(
                            release, root.resolve("lib/modules"), root.resolve("usr/src"));
        } catch (IOException e) {
            return new Finding("headers", false, "/usr/src cannot be listed: " + e.getMessage());
        }
        if (tree.isEmpty()) {
            return new Finding(
                    "headers",
                    false,
                    "no kernel header tree: bcc cannot compile the probes; install"
                            + " linux-headers-"
                            + release
                            + ", or linux-headers-amd64 (any linux-headers-V-ABI-FLAVOUR tree"
                            + " with its .config will do)");
        }
        Path found = Path.of("/").resolve(root.relativize(tree.get()));
        if (found.startsWith("/lib/modules")) {
            return new Finding("headers", true, found + " holds the running kernel's headers");
        }
        return new Finding(
                "headers",
                true,
                "no headers for this release, but "
                        + found
                        + " will do for tracepoint programs (offsets come from BTF)");
    }

    private static Finding capabilities(Path root, String release) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve("proc/self/status"));
        } catch (IOException e) {
            return new Finding("capabilities", false, "/proc/self/status cannot be read");
        }
        long mask = Capabilities.effective(lines);
        if (mask < 0) {
            return new Finding("capabilities", false, "/proc/self/status has no CapEff line");
        }
        KernelRelease parsed = release == null ? null : KernelRelease.parse(release);
        boolean memlockMatters = !Capabilities.chargesBpfToMemcg(parsed);
        List<String> missing = Capabilities.missing(mask, memlockMatters);
        String memlockNote =
                !memlockMatters && Capabilities.lacksSysResource(mask)
                        ? "; CAP_SYS_RESOURCE is missing, which does not matter on 5.11 and"
                                + " later: BPF memory is charged to the memory cgroup, not to"
                                + " RLIMIT_MEMLOCK"
                        : "";
        return new Finding(
                "capabilities",
                missing.isEmpty(),
                missing.isEmpty()
                        ? "the agent has the capabilities it needs" + memlockNote
                        : "missing "
                                + String.join(", ", missing)
                                + ": run the agent as root or grant them (AmbientCapabilities=)"
                                + memlockNote);
    }

    // A crash is recorded from the kernel_fault event; with panic_on_oops the host goes down
    // before the agent can read it, and only the kernel log (pstore, kdump) keeps the oops.
    private static Finding panicOnOops(Path root) {
        String value;
        try {
            value = Files.readString(root.resolve("proc/sys/kernel/panic_on_oops")).trim();
        } catch (IOException e) {
            return new Finding("panic_on_oops", true, "panic_on_oops cannot be read");
        }
        boolean ok = value.equals("0");
        return new Finding(
                "panic_on_oops",
                ok,
                ok
                        ? "panic_on_oops is 0: the agent can record a crash the walker survives"
                        : "panic_on_oops is "
                                + value
                                + ": an oops takes the host down before the agent records it;"
                                + " keep kdump or pstore to see it");
    }
}
