package io.pudwatch.bcc;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C functions of libbcc (bcc_common.h and libbpf.h, stable from bcc 0.26 to 0.35), under their
 * C names so that they can be checked against the headers line by line.
 *
 * <p>Mapping rules that matter here: {@code size_t} is {@code long} (64-bit); a C {@code bool}
 * argument or result is one {@code byte}; errno may be non-zero after a call that succeeded, so
 * only a failing return value makes {@code Native.getLastError()} meaningful.
 */
interface LibBcc extends Library {
    /** Debian's libbpfcc ships only the versioned name; there is no libbcc.so without -dev. */
    String LIBRARY = "libbcc.so.0";

    int BPF_PROBE_ENTRY = 0;
    int BPF_PROBE_RETURN = 1;

    Pointer bpf_module_create_c_from_string(
            String text, int flags, String[] cflags, int ncflags, byte allowRlimit, String devName);

    void bpf_module_destroy(Pointer module);

    long bpf_num_functions(Pointer module);

    String bpf_function_name(Pointer module, long id);

    Pointer bpf_function_start(Pointer module, String name);

    long bpf_function_size(Pointer module, String name);

    String bpf_module_license(Pointer module);

    int bpf_module_kern_version(Pointer module);

    int bpf_table_fd(Pointer module, String tableName);

    int bcc_func_load(
            Pointer module,
            int progType,
            String name,
            Pointer insns,
            int progLen,
            String license,
            int kernVersion,
            int logLevel,
            Pointer logBuf,
            int logBufSize,
            String devName,
            int attachType);

    int bpf_attach_kprobe(
            int progFd, int attachType, String evName, String fnName, long fnOffset, int maxActive);

    int bpf_detach_kprobe(String evName);

    int bpf_attach_tracepoint(int progFd, String category, String name);

    int bpf_attach_kfunc(int progFd);

    int bpf_lookup_elem(int fd, Pointer key, Pointer value);

    int bpf_update_elem(int fd, Pointer key, Pointer value, long flags);

    int bpf_delete_elem(int fd, Pointer key);

    int bpf_get_next_key(int fd, Pointer key, Pointer nextKey);

    /** Loaded on first use, so that classes of this package load on hosts without libbcc. */
    final class Holder {
        static final LibBcc INSTANCE = Native.load(LIBRARY, LibBcc.class);

        private Holder() {}
    }
}
