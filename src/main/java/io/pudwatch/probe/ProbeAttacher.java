package io.pudwatch.probe;

import io.pudwatch.bcc.BccModule;
import io.pudwatch.bcc.BpfAttachment;
import io.pudwatch.bcc.BpfException;
import io.pudwatch.bcc.BpfProgram;
import io.pudwatch.bcc.ProgramType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and attaches the planned probes of a compiled module, recording each outcome in the report.
 * A probe that fails is reported and skipped; the others still attach. An fentry probe the kernel
 * refuses falls back to its kprobe twin when kprobes exist.
 */
final class ProbeAttacher implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ProbeAttacher.class);

    private final BccModule module;
    private final ProbeReport report;
    private final ProbePlanner planner;
    private final boolean kprobesAllowed;
    private final Map<String, BpfProgram> programs = new HashMap<>();
    private final List<BpfAttachment> attachments = new ArrayList<>();

    ProbeAttacher(BccModule module, ProbeReport report, KernelFeatures features) {
        this.module = module;
        this.report = report;
        this.planner = new ProbePlanner(features);
        this.kprobesAllowed = features.hasKprobes();
    }

    /** Attaches every available probe. */
    void attachAll() {
        for (ProbeOutcome planned : report.outcomes()) {
            if (planned.status() != ProbeStatus.AVAILABLE) {
                continue;
            }
            ProbeOutcome result;
            try {
                result = attach(planned);
            } catch (BpfException e) {
                result = planned.with(ProbeMode.NONE, ProbeStatus.FAILED, e.getMessage());
                logger.warn(
                        "Probe {} on {} failed: {}",
                        planned.name(),
                        planned.target(),
                        e.getMessage());
            }
            report.replace(result);
        }
    }

    private ProbeOutcome attach(ProbeOutcome planned) throws BpfException {
        String target = planned.target();
        switch (planned.mode()) {
            case TRACEPOINT -> {
                BpfProgram program =
                        program(planned.probe().targets().get(0).program(), ProgramType.TRACEPOINT);
                int colon = target.indexOf(':');
                keep(
                        program.attachTracepoint(
                                target.substring(0, colon), target.substring(colon + 1)));
                return planned.with(ProbeMode.TRACEPOINT, ProbeStatus.ATTACHED, "");
            }
            case FENTRY, FEXIT -> {
                try {
                    BpfProgram program =
                            program(
                                    fentryProgram(planned),
                                    planned.mode() == ProbeMode.FENTRY
                                            ? ProgramType.FENTRY
                                            : ProgramType.FEXIT);
                    keep(program.attachKfunc(target));
                    return planned.with(planned.mode(), ProbeStatus.ATTACHED, "");
                } catch (BpfException refused) {
                    if (!kprobesAllowed) {
                        throw refused;
                    }
                    logger.debug(
                            "fentry on {} refused ({}); trying a kprobe",
                            target,
                            refused.getMessage());
                    ProbeOutcome kprobe = planner.planKprobe(planned.probe(), target);
                    if (!kprobe.usable()) {
                        return kprobe;
                    }
                    return attachKprobe(kprobe);
                }
            }
            case KPROBE, KRETPROBE -> {
                return attachKprobe(planned);
            }
            default -> throw new IllegalStateException("Nothing to attach for " + planned);
        }
    }

    private ProbeOutcome attachKprobe(ProbeOutcome planned) throws BpfException {
        BpfProgram program = program(kprobeProgram(planned), ProgramType.KPROBE);
        boolean ret = planned.mode() == ProbeMode.KRETPROBE;
        keep(program.attachKprobe(planned.target(), ret));
        return planned.with(planned.mode(), ProbeStatus.ATTACHED, "");
    }

    private static String kprobeProgram(ProbeOutcome planned) {
        String base = planned.target();
        int dot = base.indexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        for (Probe.Target t : planned.probe().targets()) {
            if (t.symbol().equals(base)) {
                return t.program();
            }
        }
        return planned.probe().targets().get(0).program();
    }

    /** bcc names them kfunc__FN (0.26) or kfunc__vmlinux__FN (0.28+): look the name up. */
    private String fentryProgram(ProbeOutcome planned) throws BpfException {
        String prefix = planned.mode() == ProbeMode.FENTRY ? "kfunc__" : "kretfunc__";
        for (String name : module.functionNames()) {
            if (name.startsWith(prefix) && name.endsWith("__" + planned.target())) {
                return name;
            }
        }
        throw new BpfException(
                "The BPF program has no " + prefix + " twin for " + planned.target(), 0, null);
    }

    BpfProgram program(String name, ProgramType type) throws BpfException {
        BpfProgram program = programs.get(name);
        if (program == null) {
            program = module.load(name, type);
            programs.put(name, program);
        }
        return program;
    }

    private void keep(BpfAttachment attachment) {
        attachments.add(attachment);
    }

    /** Detaches everything and drops the programs, newest first. */
    @Override
    public void close() {
        for (int i = attachments.size() - 1; i >= 0; i--) {
            attachments.get(i).close();
        }
        attachments.clear();
        programs.values().forEach(BpfProgram::close);
        programs.clear();
    }
}
