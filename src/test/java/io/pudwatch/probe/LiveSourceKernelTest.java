package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void closeStopsARunningReaderAndUnmapsOnlyAfterItReturned() throws Exception {
        KernelPrerequisites.assumeBpf();
        LiveSource source = LiveSource.open(options());
        CountDownLatch polled = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                source.run(event -> {}, now -> polled.countDown(), () -> false);
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        reader.start();
        assertThat(polled.await(30, TimeUnit.SECONDS)).isTrue();

        source.close();

        assertThat(reader.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
    }

    @Test
    void aReaderThatDoesNotStopKeepsItsRingMappedAndFinishesSafelyAfterClose() throws Exception {
        KernelPrerequisites.assumeBpf();
        LiveSource source = LiveSource.open(options());
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                source.run(
                                        event -> {},
                                        now -> {
                                            blocked.countDown();
                                            awaitQuietly(release);
                                        },
                                        () -> false);
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        reader.start();
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();

        source.close();
        boolean stillReadingAfterClose = reader.isAlive();
        release.countDown();
        reader.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(stillReadingAfterClose).isTrue();
        assertThat(reader.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThatThrownBy(() -> source.run(event -> {}, now -> {}, () -> true))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
