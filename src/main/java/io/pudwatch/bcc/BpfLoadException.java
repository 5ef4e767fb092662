package io.pudwatch.bcc;

/** The kernel refused to load a program; the verifier log says why. */
public final class BpfLoadException extends BpfException {
    private final String program;
    private final String verifierLog;

    public BpfLoadException(String program, int errno, String verifierLog, String hint) {
        super("The kernel refused to load BPF program " + program, errno, hint);
        this.program = program;
        this.verifierLog = verifierLog == null ? "" : verifierLog;
    }

    public String program() {
        return program;
    }

    /** The verifier's log of the failed load, empty when the kernel wrote none. */
    public String verifierLog() {
        return verifierLog;
    }
}
