package io.pudwatch.bcc;

/** A loaded program could not be attached to its kernel function or tracepoint. */
public final class BpfAttachException extends BpfException {
    private final String target;

    public BpfAttachException(String what, String target, int errno, String hint) {
        super("Could not attach " + what + " to " + target, errno, hint);
        this.target = target;
    }

    /** The kernel function or tracepoint ({@code category:name}) that was asked for. */
    public String target() {
        return target;
    }
}
