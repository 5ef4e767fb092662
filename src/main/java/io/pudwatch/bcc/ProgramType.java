package io.pudwatch.bcc;

/** The BPF program types pudwatch loads, with their values from {@code linux/bpf.h}. */
public enum ProgramType {
    KPROBE(2, 0),
    TRACEPOINT(5, 0),
    /** fentry: BPF_PROG_TYPE_TRACING with BPF_TRACE_FENTRY, since 5.5. */
    FENTRY(26, 24),
    /** fexit: BPF_PROG_TYPE_TRACING with BPF_TRACE_FEXIT, since 5.5. */
    FEXIT(26, 25);

    private final int kernelValue;
    private final int attachType;

    ProgramType(int kernelValue, int attachType) {
        this.kernelValue = kernelValue;
        this.attachType = attachType;
    }

    int kernelValue() {
        return kernelValue;
    }

    int attachType() {
        return attachType;
    }

    boolean isTracing() {
        return kernelValue == 26;
    }
}
