package io.pudwatch.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the agent itself needs from the host: BTF, probe types, headers, capabilities. */
final class AgentReadiness {
    private AgentReadiness() {}

    static List<Finding> check(Path root, String release) {
        return List.of(
                btf(root),
                kprobes(root),
                tracefs(root),
                headers(root, release),
                capabilities(root),
                panicOnOops(root));
    }

    private static Finding btf(Path root) {
        boolean ok = Files.isReadable(root.resolve("sys/kernel/btf/vmlinux"));
        return new Finding(
                "btf",
                ok,
                ok
                        ? "/sys/kernel/btf/vmlinux is present: struct offsets come from the"
                                + " running kernel"
                        : "/sys/kernel/btf/vmlinux is missing: build the kernel with"
                                + " CONFIG_DEBUG_INFO_BTF=y, or offsets will come from headers");
    }

    private static Finding kprobes(Path root) {
        boolean ok = Files.isDirectory(root.resolve("sys/bus/event_source/devices/kprobe"));
        return new Finding(
                "kprobes",
                ok,
                ok
                        ? "the kprobe PMU is present: the split and install probes can attach"
                        : "no kprobe PMU (CONFIG_KPROBES is not set): the split and install"
                                + " probes cannot attach, only tracepoints (exit, faults) work");
    }

    private static Finding tracefs(Path root) {
        boolean ok = Files.isDirectory(root.resolve("sys/kernel/tracing/events"));
        return new Finding(
                "tracefs",
                ok,
                ok
                        ? "tracefs is mounted at /sys/kernel/tracing"
                        : "tracefs is not mounted: run 'mount -t tracefs nodev"
                                + " /sys/kernel/tracing' before starting the agent");
    }

    private static Finding headers(Path root, String release) {
        if (release != null
                && Files.isDirectory(root.resolve("lib/modules/" + release + "/build"))) {
            return new Finding(
                    "headers", true, "/lib/modules/" + release + "/build holds kernel headers");
        }
        try (DirectoryStream<Path> trees =
                Files.newDirectoryStream(root.resolve("usr/src"), "linux-headers-*")) {
            for (Path tree : trees) {
                return new Finding(
                        "headers",
                        true,
                        "no headers for this release, but "
                                + "/usr/src/"
                                + tree.getFileName()
                                + " will do for tracepoint programs (offsets come from BTF)");
            }
        } catch (IOException e) {
            // No /usr/src at all: reported below like an empty one.
        }
        return new Finding(
                "headers",
                false,
                "no kernel header tree: bcc cannot compile the probes; install"
                        + " linux-headers-$(uname -r) or any linux-headers package");
    }

    private static Finding capabilities(Path root) {
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
        List<String> missing = Capabilities.missing(mask);
        return new Finding(
                "capabilities",
                missing.isEmpty(),
                missing.isEmpty()
                        ? "the agent has the capabilities it needs"
                        : "missing "
                                + String.join(", ", missing)
                                + ": run the agent as root or grant them (AmbientCapabilities=)");
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
