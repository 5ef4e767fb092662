package io.pudwatch.probe;

import java.util.Optional;

/**
 * What the running kernel offers to probes, asked as questions. The one seam between probe planning
 * and the host: tests replace it with fixtures.
 */
public interface KernelFeatures {
    /** Whether kprobes can be attached through the kprobe PMU (perf_event fds, 4.17+). */
    boolean hasKprobes();

    /** Whether the kernel loads fentry/fexit programs (BPF trampolines, 5.5+, not refused). */
    boolean hasFentry();

    /** Whether BTF describes a function of exactly this name (what fentry attaches to). */
    boolean hasBtfFunction(String name);

    /** Whether BTF knows {@code struct.member}, so its offset can be passed to the program. */
    boolean hasStructMember(String struct, String member);

    /** Whether {@code category:name} is a tracepoint in tracefs. */
    boolean hasTracepoint(String category, String name);

    /**
     * The symbol in /proc/kallsyms for function {@code name}: the name itself, or a variant the
     * compiler made of it ({@code name.isra.0}, {@code name.constprop.0}).
     */
    Optional<String> findFunction(String name);

    /** Why {@link #hasKprobes()} is false, as a clause: "no kprobe PMU ...". */
    String whyNoKprobes();

    /** Why {@link #hasFentry()} is false, as a clause. */
    String whyNoFentry();
}
