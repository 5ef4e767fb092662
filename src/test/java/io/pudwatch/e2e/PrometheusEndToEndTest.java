package io.pudwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.simulate.KernelBehaviour;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import io.pudwatch.testing.Prerequisites;
import io.pudwatch.trace.TraceWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules, dashboard and /metrics against the real Prometheus and Alertmanager of
 * Debian's packages: pudwatch replays a simulated vulnerable host that crashes, Prometheus scrapes
 * it, the crash alert reaches Alertmanager, and every dashboard query evaluates.
 */
@Tag("e2e")
class PrometheusEndToEndTest {
    private static final Path RULES = Path.of("deploy/prometheus/pudwatch-rules.yml");
    private static final Path RULE_TESTS =
            Path.of("deploy/prometheus/tests/pudwatch-rules-test.yml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/pudwatch.json");

    @TempDir Path dir;
    private final LoopbackHttp http = new LoopbackHttp();
    private final List<ManagedProcess> processes = new ArrayList<>();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aReplayedCrashFiresTheCriticalAlertAtAlertmanager() throws Exception {
        Prerequisites.assumeInstalled(
                onPath("prometheus") && onPath("promtool") && onPath("prometheus-alertmanager"),
                "Debian packages prometheus and prometheus-alertmanager (scripts/packages.txt)");
        try {
            run();
        } finally {
            for (ManagedProcess p : processes) {
                p.close();
            }
        }
    }

    private void run() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).isZero();
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).isZero();

        int agentPort = LoopbackHttp.freePort();
        ManagedProcess agent = startAgent(writeCrashingTrace(), agentPort);
        assertThat(
                        LoopbackHttp.within(
                                Duration.ofSeconds(60),
                                () -> http.get(agentPort, "/readyz").statusCode() == 200))
                .as("pudwatch ready\n%s", agent.tail())
                .isTrue();
        Path metrics = dir.resolve("metrics.txt");
        Files.writeString(metrics, http.get(agentPort, "/metrics").body());
        assertThat(Files.readString(metrics))
                .contains("pudwatch_incidents_total{outcome=\"crashed\"");
        assertThat(promtoolWithInput(metrics, "check", "metrics")).isZero();

        int amPort = LoopbackHttp.freePort();
        ManagedProcess alertmanager = startAlertmanager(amPort);
        int promPort = LoopbackHttp.freePort();
        ManagedProcess prometheus = startPrometheus(promPort, agentPort, amPort);
        assertThat(
                        LoopbackHttp.within(
                                Duration.ofSeconds(60),
                                () -> http.get(promPort, "/-/ready").statusCode() == 200))
                .as("prometheus ready\n%s", prometheus.tail())
                .isTrue();

        boolean alerted =
                LoopbackHttp.within(
                        Duration.ofSeconds(90),
                        () -> {
                            for (JsonNode alert : http.json(amPort, "/api/v2/alerts")) {
                                JsonNode labels = alert.path("labels");
                                if (labels.path("alertname").asText().equals("PudwatchCrash")
                                        && labels.path("severity").asText().equals("critical")) {
                                    return true;
                                }
                            }
                            return false;
                        });
        assertThat(alerted)
                .as("PudwatchCrash at Alertmanager\n%s\n%s", prometheus.tail(), alertmanager.tail())
                .isTrue();

        for (DashboardQueries.Query q : DashboardQueries.read(DASHBOARD)) {
            String promql = DashboardQueries.substitute(q.expr());
            JsonNode answer = http.query(promPort, promql);
            assertThat(answer.path("status").asText())
                    .as("panel '%s': %s -> %s", q.panel(), promql, answer.path("error").asText())
                    .isEqualTo("success");
        }
        JsonNode exposed =
                http.query(promPort, "count(pudwatch_kernel_info{exposure=\"exposed\"})");
        assertThat(exposed.path("data").path("result").path(0).path("value").path(1).asText())
                .isEqualTo("1");

        // A replay keeps serving after its input ended, until SIGTERM.
        assertThat(http.get(agentPort, "/readyz").statusCode()).isEqualTo(200);
        agent.close();
        assertThat(agent.exitValue()).as("exit on SIGTERM\n%s", agent.tail()).isEqualTo(143);
    }

    private Path writeCrashingTrace() throws Exception {
        // Seed 3 of the default vulnerable host crashes three times within ten simulated seconds.
        SimulationConfig config = SimulationConfig.defaults(KernelBehaviour.VULNERABLE);
        config =
                new SimulationConfig(
                        3,
                        config.duration(),
                        config.kernel(),
                        config.vms(),
                        config.barGib(),
                        config.walkers(),
                        config.walkRate(),
                        config.refaultRate(),
                        config.recheckNs(),
                        config.againNs(),
                        config.sweepPudNs(),
                        config.crashProbability(),
                        config.lossRate(),
                        config.disorderNs(),
                        config.vmRestartRate());
        Path trace = dir.resolve("crash.jsonl");
        try (OutputStream out = Files.newOutputStream(trace);
                TraceWriter writer =
                        new TraceWriter(out, Map.of("host", "simulated", "kernel", "vulnerable"))) {
            new Simulator(config, writer).run();
        }
        return trace;
    }

    private ManagedProcess startAgent(Path trace, int port) throws Exception {
        return started(
                ManagedProcess.startPudwatch(
                        "pudwatch",
                        dir,
                        List.of(
                                "run",
                                "--replay",
                                trace.toString(),
                                "--speed",
                                "max",
                                "--listen",
                                "127.0.0.1:" + port)));
    }

    private ManagedProcess startAlertmanager(int port) throws Exception {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "route:",
                        "  receiver: keep",
                        "  group_wait: 1s",
                        "receivers:",
                        "  - name: keep",
                        ""));
        Files.createDirectories(dir.resolve("am-data"));
        return started(
                ManagedProcess.start(
                        "alertmanager",
                        dir,
                        List.of(
                                "prometheus-alertmanager",
                                "--config.file=" + config,
                                "--storage.path=" + dir.resolve("am-data"),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--cluster.listen-address=")));
    }

    private ManagedProcess startPrometheus(int port, int agentPort, int amPort) throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "global:",
                        "  scrape_interval: 1s",
                        "  evaluation_interval: 1s",
                        "rule_files:",
                        "  - " + RULES.toAbsolutePath(),
                        "alerting:",
                        "  alertmanagers:",
                        "    - static_configs:",
                        "        - targets: ['127.0.0.1:" + amPort + "']",
                        "scrape_configs:",
                        "  - job_name: pudwatch",
                        "    static_configs:",
                        "      - targets: ['127.0.0.1:" + agentPort + "']",
                        ""));
        return started(
                ManagedProcess.start(
                        "prometheus",
                        dir,
                        List.of(
                                "prometheus",
                                "--config.file=" + config,
                                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                                "--web.listen-address=127.0.0.1:" + port)));
    }

    private ManagedProcess started(ManagedProcess p) {
        processes.add(p);
        return p;
    }

    private int promtool(String... args) throws Exception {
        return promtoolWithInput(null, args);
    }

    private int promtoolWithInput(Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("promtool.log").toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " took over 60 s");
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("promtool.log")));
        }
        return p.exitValue();
    }

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
