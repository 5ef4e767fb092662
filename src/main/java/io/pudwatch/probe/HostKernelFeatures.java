package io.pudwatch.probe;

import io.pudwatch.bcc.FentrySupport;
import io.pudwatch.kernel.BtfFile;
import io.pudwatch.kernel.Kallsyms;
import io.pudwatch.kernel.KprobePmu;
import io.pudwatch.kernel.Tracefs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running kernel's features, read from /proc, /sys and tracefs (mounted if needed). */
public final class HostKernelFeatures implements KernelFeatures {
    private static final Logger logger = LoggerFactory.getLogger(HostKernelFeatures.class);

    private final Kallsyms kallsyms;
    private final BtfFile btf;
    private final String btfProblem;
    private final Path tracefs;
    private Integer fentryErrno;

    private HostKernelFeatures(Kallsyms kallsyms, BtfFile btf, String btfProblem, Path tracefs) {
        this.kallsyms = kallsyms;
        this.btf = btf;
        this.btfProblem = btfProblem;
        this.tracefs = tracefs;
    }

    /** Reads what the probes need to know; mounts tracefs when it is not mounted. */
    public static HostKernelFeatures detect() throws IOException {
        List<String> functions = new ArrayList<>();
        for (Probe probe : Probe.values()) {
            if (probe.kind() != Probe.Kind.TRACEPOINT) {
                probe.targets().forEach(t -> functions.add(t.symbol()));
            }
        }
        // The walker callbacks are resolved here, once, so that events never wait on kallsyms.
        functions.addAll(WalkerNames.CALLBACKS.keySet());
        Kallsyms kallsyms = Kallsyms.read(Kallsyms.PROC_KALLSYMS, functions);
        BtfFile btf = null;
        String problem = null;
        if (Files.isReadable(BtfFile.VMLINUX)) {
            btf = BtfFile.read(BtfFile.VMLINUX);
        } else {
            problem =
                    "the kernel has no BTF at "
                            + BtfFile.VMLINUX
                            + " (CONFIG_DEBUG_INFO_BTF is not set)";
            logger.warn(
                    "Probes that read kernel structs will not be available because {}.", problem);
        }
        return new HostKernelFeatures(kallsyms, btf, problem, Tracefs.findOrMount().orElse(null));
    }

    /** The kernel's BTF, or {@code null} when it has none. */
    public BtfFile btf() {
        return btf;
    }

    /** The tracefs root, or {@code null} when none is mounted and mounting failed. */
    public Path tracefs() {
        return tracefs;
    }

    public Kallsyms kallsyms() {
        return kallsyms;
    }

    /** The kprobe PMU (4.17+): kprobes as perf_event fds that die with the process. */
    @Override
    public boolean hasKprobes() {
        return Files.isDirectory(KprobePmu.PATH);
    }

    @Override
    public String whyNoKprobes() {
        return "the kernel has no kprobe PMU ("
                + KprobePmu.PATH
                + "; CONFIG_KPROBES is not set or"
                + " the kernel predates 4.17)";
    }

    @Override
    public synchronized boolean hasFentry() {
        if (btf == null) {
            return false;
        }
        if (fentryErrno == null) {
            int id = btf.functionId("__split_huge_pud");
            if (id < 0) {
                id = btf.functionId("walk_page_vma");
            }
            fentryErrno = id < 0 ? -1 : FentrySupport.tryLoad(id);
        }
        return fentryErrno == 0;
    }

    @Override
    public String whyNoFentry() {
        if (btf == null) {
            return "fentry needs BTF but " + btfProblem;
        }
        if (fentryErrno != null && fentryErrno > 0) {
            return "the kernel refuses fentry programs ("
                    + FentrySupport.errnoName(fentryErrno)
                    + " loading a trivial one)";
        }
        return "fentry is not available";
    }

    @Override
    public boolean hasBtfFunction(String name) {
        return btf != null && btf.hasFunction(name);
    }

    @Override
    public boolean hasStructMember(String struct, String member) {
        return btf != null && btf.memberOffset(struct, member) >= 0;
    }

    @Override
    public boolean hasTracepoint(String category, String name) {
        return tracefs != null && Tracefs.hasTracepoint(tracefs, category, name);
    }

    @Override
    public Optional<String> findFunction(String name) {
        return kallsyms.function(name).map(Kallsyms.Symbol::name);
    }
}
