package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessReaderTest {
    private static Path fixtureProc() throws URISyntaxException {
        return Path.of(ProcessReaderTest.class.getResource("/hosts/exposed/proc").toURI());
    }

    @Test
    void theWalkerInAKubernetesPodIsReadWithItsContainerId() throws Exception {
        ProcessInfo p = new ProcessReader(fixtureProc()).read(9000);

        assertThat(p.comm()).isEqualTo("numastat");
        assertThat(p.cmdline()).isEqualTo("numastat -p qemu");
        assertThat(p.containerId())
                .isEqualTo("4f9a0c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a");
        assertThat(p.gone()).isFalse();
    }

    @Test
    void aLibvirtQemuHasItsMachineScopeAndNoContainer() throws Exception {
        ProcessInfo p = new ProcessReader(fixtureProc()).read(4107);

        assertThat(p.cmdline())
                .isEqualTo(
                        "/usr/bin/qemu-system-x86_64 -name guest=gpu-vm-7 -device"
                                + " vfio-pci,host=0000:41:00.0");
        assertThat(p.cgroup()).startsWith("/machine.slice/machine-qemu");
        assertThat(p.containerId()).isNull();
    }

    @Test
    void aProcessThatHasExitedIsGone() throws Exception {
        assertThat(new ProcessReader(fixtureProc()).read(31337)).isEqualTo(ProcessInfo.gone(31337));
    }

    @Test
    void onAHybridHostTheV1HierarchyNamesTheDockerContainer(@TempDir Path proc) throws Exception {
        String id = "a".repeat(64);
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77/comm"), "smartd\n");
        Files.writeString(proc.resolve("77/cgroup"), "4:memory:/docker/" + id + "\n0::/\n");

        assertThat(new ProcessReader(proc).read(77).containerId()).isEqualTo(id);
    }

    @Test
    void thisJvmCanBeReadFromTheRealProc() {
        ProcessInfo self = new ProcessReader(Path.of("/proc")).read(ProcessHandle.current().pid());

        assertThat(self.gone()).isFalse();
        assertThat(self.cmdline()).contains("java");
    }
}
