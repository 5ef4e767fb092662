package io.pudwatch.bcc;

import com.sun.jna.Native;
import io.pudwatch.kernel.Kallsyms;
import io.pudwatch.kernel.KprobePmu;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program loaded into the kernel. Its attachments are fd-based (a perf event or a BPF link), so
 * the kernel detaches them when the process dies, even by {@code kill -9}.
 */
public final class BpfProgram implements AutoCloseable {

    /**
     * How many calls of a kretprobed function may be in flight at once. The kernel's default is
     * max(10, 2 * CPUs) on a preemptible kernel, and a call beyond it loses its return probe: a
     * walk whose end is never seen. Walkers sleep inside the walk (mmap lock, page faults on the
     * output buffer), so many can be in flight on a small host; 64 instances cost a few KiB. The
     * kprobe PMU takes it since 4.17 (perf_event_attr config, bcc's maxactive argument).
     */
    static final int KRETPROBE_MAX_ACTIVE = 64;

    private final String name;
    private final ProgramType type;
    private int fd;

    BpfProgram(String name, ProgramType type, int fd) {
        this.name = name;
        this.type = type;
        this.fd = fd;
    }

    public String name() {
        return name;
    }

    public ProgramType type() {
        return type;
    }

    /** The program's fd, or -1 once closed. */
    public int fd() {
        return fd;
    }

    /**
     * Attaches this kprobe program to the entry ({@code ret} false) or the return of kernel
     * function {@code function}, through the kprobe PMU (4.17+).
     *
     * @param function the exact symbol, suffix included (e.g. {@code gather_pte_stats.isra.0})
     */
    public BpfAttachment attachKprobe(String function, boolean ret) throws BpfAttachException {
        requireType(ProgramType.KPROBE);
        String event =
                (ret ? "r_" : "p_")
                        + "pudwatch_"
                        + ProcessHandle.current().pid()
                        + "_"
                        + function.replaceAll("[^A-Za-z0-9_]", "_");
        LibBcc bcc = LibBcc.Holder.INSTANCE;
        int pfd =
                bcc.bpf_attach_kprobe(
                        live(),
                        ret ? LibBcc.BPF_PROBE_RETURN : LibBcc.BPF_PROBE_ENTRY,
                        event,
                        function,
                        0,
                        ret ? KRETPROBE_MAX_ACTIVE : 0);
        if (pfd < 0) {
            int errno = Errno.of(pfd, Native.getLastError());
            throw new BpfAttachException(
                    (ret ? "kretprobe " : "kprobe ") + name,
                    function,
                    errno,
                    kprobeHint(function, errno));
        }
        return new BpfAttachment(pfd, event);
    }

    private static String kprobeHint(String function, int errno) {
        boolean noKprobes =
                !Files.isDirectory(KprobePmu.PATH)
                        && !Files.exists(Path.of("/sys/kernel/tracing/kprobe_events"))
                        && !Files.exists(Path.of("/sys/kernel/debug/tracing/kprobe_events"));
        if (noKprobes) {
            return "this kernel has no kprobe support: neither the kprobe PMU ("
                    + KprobePmu.PATH
                    + ") nor tracefs kprobe_events exist (CONFIG_KPROBES is not set)";
        }
        if (errno == Errno.ENOENT || errno == Errno.EINVAL) {
            return Kallsyms.hintFor(baseName(function));
        }
        if (errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP) {
            return "this kernel has no kprobe support (CONFIG_KPROBES is not set)";
        }
        return null;
    }

    private static String baseName(String function) {
        int dot = function.indexOf('.');
        return dot < 0 ? function : function.substring(0, dot);
    }

    /** Attaches this tracepoint program to {@code category:event} (a perf event fd). */
    public BpfAttachment attachTracepoint(String category, String event) throws BpfAttachException {
        requireType(ProgramType.TRACEPOINT);
        int pfd = LibBcc.Holder.INSTANCE.bpf_attach_tracepoint(live(), category, event);
        if (pfd < 0) {
            int errno = Errno.of(pfd, Native.getLastError());
            throw new BpfAttachException(
                    "tracepoint program " + name,
                    category + ":" + event,
                    errno,
                    errno == Errno.ENOENT
                            ? "the tracepoint is not in tracefs; is tracefs mounted at"
                                    + " /sys/kernel/tracing?"
                            : null);
        }
        return new BpfAttachment(pfd, null);
    }

    /** Attaches this fentry or fexit program to the function it was loaded for (a BPF link). */
    public BpfAttachment attachKfunc(String function) throws BpfAttachException {
        if (!type.isTracing()) {
            throw new IllegalStateException(name + " is a " + type + " program, not fentry.");
        }
        int lfd = LibBcc.Holder.INSTANCE.bpf_attach_kfunc(live());
        if (lfd < 0) {
            int errno = Errno.of(lfd, Native.getLastError());
            throw new BpfAttachException(
                    type.name().toLowerCase() + " program " + name, function, errno, null);
        }
        return new BpfAttachment(lfd, null);
    }

    private void requireType(ProgramType expected) {
        if (type != expected) {
            throw new IllegalStateException(name + " is a " + type + " program, not " + expected);
        }
    }

    private int live() {
        if (fd < 0) {
            throw new IllegalStateException("BPF program " + name + " is closed.");
        }
        return fd;
    }

    /** Drops this process's reference; attachments keep the program alive until detached. */
    @Override
    public void close() {
        if (fd >= 0) {
            LibC.INSTANCE.close(fd);
            fd = -1;
        }
    }
}
