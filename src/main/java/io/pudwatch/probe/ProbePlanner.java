package io.pudwatch.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, per probe, where and how it can attach on the running kernel: fentry where the kernel
 * loads it and BTF describes the exact function, else a kprobe on the symbol kallsyms has, else
 * nothing, with the reason.
 *
 * <p>A suffixed variant ({@code .isra.N}, {@code .constprop.N}, {@code .part.N}) is a clone gcc
 * specialised: interprocedural scalar replacement drops or reorders arguments, constant propagation
 * removes the constant ones. A probe that reads its arguments from registers would read the wrong
 * ones there, so such a probe never attaches to a clone; it goes on to its next target instead. A
 * return probe reads no argument and may sit on a clone.
 */
public final class ProbePlanner {
    private final KernelFeatures features;

    public ProbePlanner(KernelFeatures features) {
        this.features = features;
    }

    /** Plans every probe; the selftest probe only when {@code withSelftest}. */
    public List<ProbeOutcome> plan(boolean withSelftest) {
        List<ProbeOutcome> plan = new ArrayList<>();
        ProbeOutcome walkEnter = null;
        for (Probe probe : Probe.values()) {
            if (probe.importance() == Probe.Importance.SELFTEST && !withSelftest) {
                continue;
            }
            ProbeOutcome outcome;
            if (probe == Probe.WALK_EXIT && walkEnter != null) {
                outcome = planReturnOf(walkEnter);
            } else {
                outcome = planOne(probe);
            }
            if (probe == Probe.WALK_ENTER) {
                walkEnter = outcome;
            }
            plan.add(outcome);
        }
        return plan;
    }

    private ProbeOutcome planOne(Probe probe) {
        if (probe.kind() == Probe.Kind.TRACEPOINT) {
            return planTracepoint(probe);
        }
        String firstReason = null;
        for (Probe.Target target : probe.targets()) {
            ProbeOutcome outcome = planFunction(probe, target);
            if (outcome.usable()) {
                return outcome;
            }
            if (firstReason == null) {
                firstReason = outcome.reason();
            }
        }
        return unavailable(probe, probe.targets().get(0).symbol(), firstReason);
    }

    private ProbeOutcome planTracepoint(Probe probe) {
        String target = probe.targets().get(0).symbol();
        int colon = target.indexOf(':');
        if (features.hasTracepoint(target.substring(0, colon), target.substring(colon + 1))) {
            return available(probe, target, ProbeMode.TRACEPOINT);
        }
        return unavailable(
                probe, target, "tracepoint " + target + " is not in tracefs on this kernel");
    }

    private ProbeOutcome planFunction(Probe probe, Probe.Target target) {
        for (String member : target.members()) {
            int dot = member.indexOf('.');
            if (!features.hasStructMember(member.substring(0, dot), member.substring(dot + 1))) {
                return unavailable(
                        probe,
                        target.symbol(),
                        "the kernel's BTF has no " + member + ", whose offset the program needs");
            }
        }
        boolean ret = probe.kind() == Probe.Kind.RETURN;
        if (probe.hasFentryTwin()
                && features.hasFentry()
                && features.hasBtfFunction(target.symbol())) {
            return available(probe, target.symbol(), ret ? ProbeMode.FEXIT : ProbeMode.FENTRY);
        }
        return planKprobe(probe, target.symbol());
    }

    /**
     * Where the kprobe of {@code probe} on function {@code base} goes: the symbol kallsyms has for
     * it, unless that is a compiler clone and the probe reads arguments. Also the fallback of an
     * fentry probe the kernel refused at attach time, so that the kprobe gets the kallsyms name,
     * not the BTF one.
     */
    ProbeOutcome planKprobe(Probe probe, String base) {
        Optional<String> symbol = features.findFunction(base);
        if (symbol.isEmpty()) {
            return unavailable(
                    probe,
                    base,
                    base
                            + " is not in /proc/kallsyms"
                            + " (inlined, renamed, or its module is not loaded)");
        }
        if (!symbol.get().equals(base) && probe.readsArguments()) {
            return unavailable(
                    probe,
                    symbol.get(),
                    base
                            + " exists only as the compiler's clone "
                            + symbol.get()
                            + ", which may have dropped or reordered the arguments the probe"
                            + " reads");
        }
        if (!features.hasKprobes()) {
            String why =
                    probe.hasFentryTwin()
                            ? features.whyNoFentry() + ", and " + features.whyNoKprobes()
                            : features.whyNoKprobes();
            return unavailable(probe, symbol.get(), why);
        }
        boolean ret = probe.kind() == Probe.Kind.RETURN;
        return available(probe, symbol.get(), ret ? ProbeMode.KRETPROBE : ProbeMode.KPROBE);
    }

    /** The walk's return probe must sit on the same function as its entry probe. */
    private ProbeOutcome planReturnOf(ProbeOutcome entry) {
        if (!entry.usable()) {
            return unavailable(Probe.WALK_EXIT, entry.target(), entry.reason());
        }
        ProbeMode mode =
                switch (entry.mode()) {
                    case FENTRY -> ProbeMode.FEXIT;
                    default -> ProbeMode.KRETPROBE;
                };
        return available(Probe.WALK_EXIT, entry.target(), mode);
    }

    private static ProbeOutcome available(Probe probe, String target, ProbeMode mode) {
        return new ProbeOutcome(probe, target, mode, ProbeStatus.AVAILABLE, "");
    }

    private static ProbeOutcome unavailable(Probe probe, String target, String reason) {
        return new ProbeOutcome(probe, target, ProbeMode.NONE, ProbeStatus.UNAVAILABLE, reason);
    }
}
