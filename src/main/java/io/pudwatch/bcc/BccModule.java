package io.pudwatch.bcc;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BPF C text compiled by libbcc: its programs (as instructions, not yet loaded) and its maps
 * (created by the compile). Closing it destroys the module and with it the map fds it owns; load
 * programs and look up tables before that.
 *
 * <p>Not thread-safe; one thread sets up probes.
 */
public final class BccModule implements AutoCloseable {
    /**
     * Kernels before 6.4 take a verifier log of at most 16 MiB (UINT_MAX >> 8); pudwatch's programs
     * are a few hundred instructions without loops, whose whole log fits in 1 MiB.
     */
    private static final int LOG_BUF_SIZE = 1 << 20;

    private final LibBcc bcc;
    private Pointer module;

    private BccModule(LibBcc bcc, Pointer module) {
        this.bcc = bcc;
        this.module = module;
    }

    /** Whether libbcc can be loaded; {@link #unavailableReason()} says why not. */
    public static boolean isAvailable() {
        return unavailableReason() == null;
    }

    /** Why libbcc cannot be loaded, or {@code null} when it can. */
    public static String unavailableReason() {
        try {
            LibBcc unused = LibBcc.Holder.INSTANCE;
            return null;
        } catch (LinkageError e) {
            return LibBcc.LIBRARY
                    + " could not be loaded ("
                    + e.getMessage()
                    + "); install libbpfcc";
        }
    }

    /**
     * Compiles {@code text}.
     *
     * @param cflags compiler flags, e.g. {@code -DPW_VMF_PUD=32}
     * @param kernelSource a kernel header tree for bcc (exported as {@code BCC_KERNEL_SOURCE}), or
     *     {@code null} to let bcc use {@code /lib/modules/RELEASE/build}
     */
    public static BccModule compile(String text, List<String> cflags, Path kernelSource)
            throws BpfCompileException {
        String reason = unavailableReason();
        if (reason != null) {
            throw new BpfCompileException("libbcc is not available", reason);
        }
        LibBcc bcc = LibBcc.Holder.INSTANCE;
        if (kernelSource != null) {
            // libbcc reads the variable in C (getenv); System.getenv cannot set it.
            LibC.INSTANCE.setenv("BCC_KERNEL_SOURCE", kernelSource.toString(), 1);
        }
        String[] flags = cflags.toArray(new String[0]);
        Pointer module =
                bcc.bpf_module_create_c_from_string(text, 0, flags, flags.length, (byte) 1, null);
        if (module == null) {
            throw new BpfCompileException(
                    "libbcc could not compile the BPF program; its diagnostics are on standard"
                            + " error",
                    kernelSource == null
                            ? "bcc needs the kernel headers at /lib/modules/$(uname -r)/build"
                            : "bcc used the header tree " + kernelSource);
        }
        return new BccModule(bcc, module);
    }

    /** The names of every program (function) in the module, in source order. */
    public List<String> functionNames() {
        long n = bcc.bpf_num_functions(live());
        List<String> names = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            names.add(bcc.bpf_function_name(live(), i));
        }
        return names;
    }

    /**
     * Loads one program into the kernel.
     *
     * @param type the program type
     * @return the loaded program; close it (or detach its attachments) to unload it
     * @throws BpfLoadException with the verifier log when the kernel refuses it
     */
    public BpfProgram load(String function, ProgramType type) throws BpfLoadException {
        Pointer start = bcc.bpf_function_start(live(), function);
        if (start == null) {
            throw new BpfLoadException(
                    function,
                    Errno.ENOENT,
                    "",
                    "the module has no function of that name; it has " + functionNames());
        }
        int size = (int) bcc.bpf_function_size(live(), function);
        Memory log = new Memory(LOG_BUF_SIZE);
        log.setByte(0, (byte) 0);
        int fd =
                bcc.bcc_func_load(
                        live(),
                        type.kernelValue(),
                        function,
                        start,
                        size,
                        bcc.bpf_module_license(live()),
                        bcc.bpf_module_kern_version(live()),
                        0,
                        log,
                        LOG_BUF_SIZE,
                        null,
                        type.attachType());
        if (fd < 0) {
            int errno = Errno.of(fd, Native.getLastError());
            String text = log.getString(0, StandardCharsets.UTF_8.name());
            throw new BpfLoadException(function, errno, text, loadHint(type, errno));
        }
        return new BpfProgram(function, type, fd);
    }

    private static String loadHint(ProgramType type, int errno) {
        if (errno == Errno.EPERM && type.isTracing()) {
            return "this kernel refuses fentry/fexit programs (lockdown, or BPF trampolines"
                    + " unsupported); kprobes are the fallback";
        }
        if (errno == Errno.EPERM) {
            return "loading BPF programs needs root (CAP_BPF and CAP_PERFMON)";
        }
        if (errno == Errno.ENOENT && type.isTracing()) {
            return "the target function is not in the kernel's BTF";
        }
        if (errno == Errno.EACCES || errno == Errno.EINVAL) {
            return "the verifier log says which instruction it rejected";
        }
        return null;
    }

    /** The fd of map {@code name}; owned by the module, valid until {@link #close()}. */
    public BpfMap table(String name, int keySize, int valueSize) {
        int fd = bcc.bpf_table_fd(live(), name);
        if (fd < 0) {
            throw new IllegalArgumentException("The BPF program has no map named " + name + ".");
        }
        return new BpfMap(name, fd, keySize, valueSize);
    }

    private Pointer live() {
        if (module == null) {
            throw new IllegalStateException("The BPF module is closed.");
        }
        return module;
    }

    /** Destroys the module and its maps; loaded programs keep their own references. */
    @Override
    public void close() {
        if (module != null) {
            bcc.bpf_module_destroy(module);
            module = null;
        }
    }
}
