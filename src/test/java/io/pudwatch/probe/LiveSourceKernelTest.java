package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("kernel")
class LiveSourceKernelTest {
    /** The merged header tree is kept across tests and runs, as the agent keeps it. */
    private final Path state = Path.of("target/test-state");

    private LiveSourceOptions options() {
        return LiveSourceOptions.defaults()
                .withStateDir(state)
                .withProgram(Path.of("bpf/pudwatch.bpf.c"));
    }

    @Test
    void aChildExitTravelsFromTheTracepointThroughTheRingBufferToTheCorrelator() throws Exception {
        KernelPrerequisites.assumeBpf();

        Selftest.Result result = Selftest.run(options());

        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.report().outcome(Probe.MM_EXIT).status()).isEqualTo(ProbeStatus.ATTACHED);
    }

    @Test
    void everyProbeIsAttachedOrSaysWhyNot() throws Exception {
        KernelPrerequisites.assumeBpf();
        HostKernelFeatures host = HostKernelFeatures.detect();

        try (LiveSource source = LiveSource.open(options())) {
            for (ProbeOutcome o : source.report().outcomes()) {
                if (o.status() == ProbeStatus.ATTACHED) {
                    assertThat(o.mode()).isNotEqualTo(ProbeMode.NONE);
                } else {
                    assertThat(o.reason()).as(o.name()).isNotBlank();
                }
            }
            ProbeOutcome split = source.report().outcome(Probe.PUD_SPLIT);
            if (!host.hasKprobes() && !host.hasFentry()) {
                assertThat(split.status()).isEqualTo(ProbeStatus.UNAVAILABLE);
                assertThat(split.reason()).contains("kprobe");
            }
            assertThat(source.report().outcome(Probe.KERNEL_FAULT).status())
                    .isEqualTo(ProbeStatus.ATTACHED);
        }
    }

    @Test
    void afterCloseNoPudwatchProgramIsLeftInTheKernel() throws Exception {
        KernelPrerequisites.assumeBpf();
        KernelPrerequisites.assumeBpftool();

        try (LiveSource source = LiveSource.open(options())) {
            assertThat(KernelPrerequisites.bpftool("prog", "show")).contains("name pw_mm_exit");
        }

        String after = KernelPrerequisites.bpftool("prog", "show");
        assertThat(after).doesNotContain("name pw_");
    }
}
