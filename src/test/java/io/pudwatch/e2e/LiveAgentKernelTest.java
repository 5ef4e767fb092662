package io.pudwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.kernel.KprobePmu;
import io.pudwatch.probe.KernelPrerequisites;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pudwatch run} against this machine's kernel, as a separate process: it attaches what the
 * kernel allows, serves metrics, readiness and the incident API, and leaves no program attached
 * once SIGTERM has stopped it.
 */
@Tag("kernel")
class LiveAgentKernelTest {

    /**
     * Shared with the other kernel tests: the header overlay bcc compiles against is built there
     * once, and it is a tree of links that a temporary directory would warn about.
     */
    private static final Path STATE = Path.of("target/test-state");

    @TempDir Path dir;
    private final LoopbackHttp http = new LoopbackHttp();
    private ManagedProcess agent;
    private int port;

    @BeforeEach
    void startTheAgent() throws Exception {
        KernelPrerequisites.assumeBpf();
        KernelPrerequisites.assumeBpftool();
        port = LoopbackHttp.freePort();
        agent =
                ManagedProcess.startPudwatch(
                        "pudwatch-run",
                        dir,
                        List.of(
                                "run",
                                "--listen",
                                "127.0.0.1:" + port,
                                "--state-dir",
                                STATE.toAbsolutePath().toString()));
        boolean up =
                LoopbackHttp.within(
                        Duration.ofSeconds(90),
                        () -> http.get(port, "/metrics").body().contains("pudwatch_ready"));
        assertThat(up).as("the agent serves /metrics\n" + agent.tail()).isTrue();
    }

    @AfterEach
    void stopTheAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void attachesTheTracepointsServesItsEndpointsAndDetachesEverythingOnSigterm() throws Exception {
        String metrics = http.get(port, "/metrics").body();
        assertThat(metrics)
                .contains("pudwatch_probe_attached{mode=\"tracepoint\",probe=\"mm-exit\"")
                .contains("pudwatch_probe_attached{mode=\"tracepoint\",probe=\"kernel-fault\"")
                .containsPattern("pudwatch_kernel_info\\{exposure=\"[a-z_]+\"");
        assertThat(http.json(port, "/api/incidents").path("count").asInt()).isZero();
        assertThat(http.get(port, "/healthz").statusCode()).isEqualTo(200);

        HttpResponse<String> ready = http.get(port, "/readyz");
        if (!Files.exists(KprobePmu.PATH)) {
            // No kprobes here: the walk and split probes cannot attach, so the agent runs but
            // is not ready, and says which probes are missing.
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("probe pud-split");
        }
        assertThat(KernelPrerequisites.bpftool("prog", "show")).contains("pw_");

        agent.close();

        assertThat(agent.exitValue()).as(agent.tail()).isEqualTo(143);
        assertThat(KernelPrerequisites.bpftool("prog", "show")).doesNotContain("pw_");
        agent = null;
    }
}
