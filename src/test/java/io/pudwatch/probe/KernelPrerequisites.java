package io.pudwatch.probe;

import io.pudwatch.bcc.BccModule;
import io.pudwatch.kernel.BtfFile;
import io.pudwatch.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the kernel tests need, checked with the reason each one skips. */
public final class KernelPrerequisites {
    private KernelPrerequisites() {}

    public static void assumeBpf() {
        Prerequisites.assumeInstalled(
                Prerequisites.isRoot(),
                "root, to load BPF programs (run the kernel tests as root)");
        Prerequisites.assumeKernelAllows(
                Files.isReadable(BtfFile.VMLINUX),
                "no BTF at /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF)");
        Prerequisites.assumeInstalled(
                BccModule.isAvailable(), "libbcc: " + BccModule.unavailableReason());
    }

    public static void assumeBpftool() {
        Prerequisites.assumeInstalled(
                Files.isExecutable(Path.of("/usr/sbin/bpftool")),
                "bpftool (Debian package bpftool)");
    }

    /** Runs bpftool with {@code args} and returns its standard output. */
    public static String bpftool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/sbin/bpftool";
        System.arraycopy(args, 0, command, 1, args.length);
        Path out = Files.createTempFile("bpftool", ".txt");
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectOutput(out.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("bpftool did not finish within 60 s");
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
