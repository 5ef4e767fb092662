package io.pudwatch.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent readiness checks against small host trees built under a temporary root. */
class AgentReadinessTest {
    private static final String ALL_CAPS = "000001ffffffffff";
    private static final String ALL_BUT_SYS_RESOURCE = "000001fffeffffff";

    @TempDir Path root;

    private Path file(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path dir(String path) throws IOException {
        return Files.createDirectories(root.resolve(path));
    }

    private Finding finding(String release, String check) {
        List<Finding> all = AgentReadiness.check(root, release);
        return all.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void withoutBtfTheProbesThatReadKernelStructsAreLostAndHeadersDoNotHelp() throws Exception {
        dir("usr/src/linux-headers-6.1.0-28-amd64");
        file("usr/src/linux-headers-6.1.0-28-amd64/.config", "CONFIG_BPF=y\n");

        Finding btf = finding("6.18.5", "btf");

        assertThat(btf.ok()).isFalse();
        assertThat(btf.detail())
                .contains("/sys/kernel/btf/vmlinux is missing")
                .contains("only tracepoints")
                .contains("CONFIG_DEBUG_INFO_BTF=y")
                .doesNotContain("header");
    }

    @Test
    void withBtfTheOffsetsComeFromTheRunningKernel() throws Exception {
        file("sys/kernel/btf/vmlinux", "BTF");

        assertThat(finding("6.18.5", "btf").ok()).isTrue();
    }

    @Test
    void aMissingCapSysResourceIsOnlyANoteFromKernel511On() throws Exception {
        file("proc/self/status", "CapEff:\t" + ALL_BUT_SYS_RESOURCE + "\n");

        Finding recent = finding("6.18.5", "capabilities");
        Finding old = finding("5.10.0-28-amd64", "capabilities");

        assertThat(recent.ok()).isTrue();
        assertThat(recent.detail())
                .startsWith("the agent has the capabilities it needs")
                .contains("CAP_SYS_RESOURCE is missing, which does not matter on 5.11");
        assertThat(old.ok()).isFalse();
        assertThat(old.detail()).startsWith("missing CAP_SYS_RESOURCE");
    }

    @Test
    void allCapabilitiesNeedNoNote() throws Exception {
        file("proc/self/status", "CapEff:\t" + ALL_CAPS + "\n");

        assertThat(finding("6.18.5", "capabilities").detail())
                .isEqualTo("the agent has the capabilities it needs");
    }

    @Test
    void theRunningKernelsOwnTreeIsUsedFirst() throws Exception {
        dir("lib/modules/6.18.5/build");

        Finding headers = finding("6.18.5", "headers");

        assertThat(headers.ok()).isTrue();
        assertThat(headers.detail()).startsWith("/lib/modules/6.18.5/build holds");
    }

    @Test
    void aDebianFlavourTreeWithItsConfigWillDo() throws Exception {
        dir("usr/src/linux-headers-6.1.0-28-common");
        file("usr/src/linux-headers-6.1.0-28-amd64/.config", "CONFIG_BPF=y\n");

        Finding headers = finding("6.18.5", "headers");

        assertThat(headers.ok()).isTrue();
        assertThat(headers.detail()).contains("/usr/src/linux-headers-6.1.0-28-amd64 will do");
    }

    @Test
    void aHeaderTreeTheAgentWouldRefuseIsNoTree() throws Exception {
        // Only the -common half, one without a .config, and one not named V-ABI-FLAVOUR:
        // KernelHeaders.sourceFor accepts none of them.
        dir("usr/src/linux-headers-6.1.0-28-common");
        dir("usr/src/linux-headers-6.1.0-28-amd64");
        file("usr/src/linux-headers-custom/.config", "CONFIG_BPF=y\n");

        Finding headers = finding("6.18.5", "headers");

        assertThat(headers.ok()).isFalse();
        assertThat(headers.detail()).startsWith("no kernel header tree");
    }

    @Test
    void tracefsUnderDebugfsCountsAsMounted() throws Exception {
        dir("sys/kernel/debug/tracing/events");

        Finding tracefs = finding("6.18.5", "tracefs");

        assertThat(tracefs.ok()).isTrue();
        assertThat(tracefs.detail()).isEqualTo("tracefs is mounted at /sys/kernel/debug/tracing");
    }

    @Test
    void withoutAKprobePmuTheFunctionProbesDependOnFentry() throws Exception {
        Finding kprobes = finding("6.18.5", "kprobes");

        assertThat(kprobes.ok()).isFalse();
        assertThat(kprobes.detail())
                .contains("/sys/bus/event_source/devices/kprobe")
                .contains("only as fentry")
                .contains("'pudwatch check'");
    }
}
