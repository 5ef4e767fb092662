package io.pudwatch.probe;

import io.pudwatch.kernel.TracepointFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The BPF C text to compile and the flags that fit it to the running kernel. */
public final class ProgramText {
    /** The program shipped in the jar (built from {@code bpf/pudwatch.bpf.c}). */
    public static final String RESOURCE = "/bpf/pudwatch.bpf.c";

    private ProgramText() {}

    /** The text of {@code override}, or of the shipped program when it is {@code null}. */
    public static String load(Path override) throws IOException {
        if (override != null) {
            return Files.readString(override);
        }
        try (InputStream in = ProgramText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(
                        "The BPF program "
                                + RESOURCE
                                + " is missing from the"
                                + " class path; rebuild pudwatch or pass the file's path.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Compiler flags: struct offsets from BTF, tracepoint field offsets from tracefs (the program's
     * defaults are those of 6.1 to 6.18 when a format cannot be read), the ring size.
     */
    public static List<String> cflags(HostKernelFeatures host, int ringBufferPages) {
        List<String> flags =
                new ArrayList<>(StructOffsets.cflags(StructOffsets.resolve(host.btf())));
        flags.add("-DPW_RINGBUF_PAGES=" + ringBufferPages);
        Path tracefs = host.tracefs();
        if (tracefs != null) {
            field(flags, tracefs, "mmap", "exit_mmap", "mm", "PW_TP_EXIT_MMAP_MM");
            field(
                    flags,
                    tracefs,
                    "exceptions",
                    "page_fault_kernel",
                    "address",
                    "PW_TP_FAULT_ADDRESS");
            field(flags, tracefs, "exceptions", "page_fault_kernel", "ip", "PW_TP_FAULT_IP");
            field(flags, tracefs, "mmap_lock", "mmap_lock_start_locking", "mm", "PW_TP_LOCK_MM");
        }
        return flags;
    }

    private static void field(
            List<String> flags,
            Path tracefs,
            String category,
            String event,
            String field,
            String macro) {
        try {
            TracepointFormat format = TracepointFormat.read(tracefs, category, event);
            if (format.hasField(field)) {
                flags.add("-D" + macro + "=" + format.offsetOr(field, -1));
            }
        } catch (IOException absent) {
            // The running kernel lacks the tracepoint; its probe is planned unavailable.
        }
    }
}
