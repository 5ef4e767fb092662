package io.pudwatch.bcc;

/**
 * One attached program: a perf event or BPF link fd. Detaching closes the fd; the kernel does the
 * same if the process dies first.
 */
public final class BpfAttachment implements AutoCloseable {
    private final String kprobeEvent;
    private int fd;

    /**
     * @param kprobeEvent the kprobe event name libbcc made, to remove when detaching, or {@code
     *     null} for other attachments
     */
    BpfAttachment(int fd, String kprobeEvent) {
        this.fd = fd;
        this.kprobeEvent = kprobeEvent;
    }

    /** Detaches; safe to call more than once. */
    @Override
    public void close() {
        if (fd < 0) {
            return;
        }
        LibC.INSTANCE.close(fd);
        fd = -1;
        if (kprobeEvent != null) {
            // Only does something when libbcc fell back to a text kprobe_events entry (kernels
            // before 4.17 have no kprobe PMU); such an entry would outlive the process.
            LibBcc.Holder.INSTANCE.bpf_detach_kprobe(kprobeEvent);
        }
    }
}
