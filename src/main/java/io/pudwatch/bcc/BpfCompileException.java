package io.pudwatch.bcc;

/** libbcc could not compile the BPF C text; its diagnostics went to standard error. */
public final class BpfCompileException extends BpfException {
    public BpfCompileException(String message, String hint) {
        super(message, 0, hint);
    }
}
