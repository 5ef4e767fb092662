package io.pudwatch.bcc;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Asks the kernel whether it takes fentry programs, by loading the smallest one ({@code r0 = 0;
 * exit}) for a function it describes in BTF. fentry needs BPF trampolines (x86_64 since 5.5);
 * kernels in lockdown or built without them refuse the load with EPERM or ENOTSUPP.
 */
public final class FentrySupport {
    private static final long SYS_BPF = 321; // x86_64
    private static final int BPF_PROG_LOAD = 5;
    private static final int ATTR_SIZE = 128; // covers every field up to attach_btf_id (5.5)

    private FentrySupport() {}

    /**
     * Loads and at once closes a trivial fentry program for BTF function {@code btfFunctionId}.
     *
     * @return 0 when the kernel took it, else the errno of its refusal
     */
    public static int tryLoad(int btfFunctionId) {
        Memory insns = new Memory(16);
        insns.clear();
        insns.setByte(0, (byte) 0xb7); // BPF_ALU64 | BPF_MOV | BPF_K: r0 = 0
        insns.setByte(8, (byte) 0x95); // BPF_JMP | BPF_EXIT
        Memory license = new Memory(4);
        license.setString(0, "GPL");
        Memory attr = new Memory(ATTR_SIZE);
        attr.clear();
        attr.setInt(0, ProgramType.FENTRY.kernelValue());
        attr.setInt(4, 2); // insn_cnt
        attr.setPointer(8, insns);
        attr.setPointer(16, license);
        attr.setString(48, "pw_probe_fentry".substring(0, 15));
        attr.setInt(68, ProgramType.FENTRY.attachType()); // expected_attach_type
        attr.setInt(108, btfFunctionId); // attach_btf_id
        long fd = LibC.INSTANCE.syscall(SYS_BPF, BPF_PROG_LOAD, attr, ATTR_SIZE);
        if (fd < 0) {
            return Native.getLastError();
        }
        LibC.INSTANCE.close((int) fd);
        return 0;
    }

    /** The errno's name, for reasons in reports. */
    public static String errnoName(int errno) {
        return Errno.name(errno);
    }
}
