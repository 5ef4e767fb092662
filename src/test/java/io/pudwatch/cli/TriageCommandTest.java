package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pudwatch.incident.IncidentStore;
import io.pudwatch.incident.IncidentsHttpHandler;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triage of the incident log a seeded simulation of a vulnerable host left behind. */
class TriageCommandTest {
    // The first crash of the simulation: split, reinstall 115 ns later, oops at +758 ns.
    private static final String CRASH = "01KG90JPS8E8E0NE";

    @TempDir Path stateDir;

    private Path fixture() throws Exception {
        return Path.of(getClass().getResource("/incidents/simulated-vulnerable.jsonl").toURI());
    }

    private Path stateDirWithFixture() throws Exception {
        Files.copy(fixture(), stateDir.resolve("incidents.jsonl"));
        return stateDir;
    }

    @Test
    void theListShowsEveryIncidentOfTheLog() throws Exception {
        CommandRun run = CommandRun.of("triage", "--from", fixture().toString());

        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("ID ").contains(CRASH + " 2026-01-31 03:12:09 crashed");
        assertThat(run.out().lines().filter(l -> l.startsWith("01KG90"))).hasSize(10);
        assertThat(run.out().lines())
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void oneCrashIsToldFromTheSplitToTheOopsWithWhatToDo() throws Exception {
        CommandRun run =
                CommandRun.of("triage", "--from", stateDirWithFixture().toString(), "01kg90jps8e8");

        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Incident " + CRASH + ": crashed")
                .contains("+0ns     node_exporter/9011 split the 1 GiB PUD at 0x7e28c0000000")
                .contains("+115ns   qemu-system-x86/4174 (tid 4181) reinstalled it")
                .contains("this is the oops")
                .contains("the kernel oopsed")
                .contains("Upgrade the kernel (6.18.5)")
                .contains("docs/runbook.md#pudwatchcrash");
        assertThat(run.out().lines())
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void aMalformedLineIsBadInputNamingFileAndLine() throws Exception {
        List<String> lines = Files.readAllLines(fixture());
        Path file = stateDir.resolve("broken.jsonl");
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("\"mm\":\"0x", "\"mm\":\"")));

        CommandRun run = CommandRun.of("triage", "--from", file.toString());

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(file + ":2: Field 'mm' must be a hex string");
    }

    @Test
    void anUnknownIdFailsSayingHowToList() throws Exception {
        CommandRun run = CommandRun.of("triage", "--from", fixture().toString(), "ZZZZ");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("No incident in").contains("to list them");
    }

    @Test
    void anAgentIsAskedOverHttpForTheListAndForOneIncident() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (IncidentStore store = IncidentStore.open(stateDirWithFixture())) {
            server.createContext(
                    IncidentsHttpHandler.PATH, new IncidentsHttpHandler(store, Clock.systemUTC()));
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            CommandRun list = CommandRun.of("triage", "--from", url, "--output", "json");
            CommandRun one = CommandRun.of("triage", "--from", url, CRASH);

            JsonNode records = new ObjectMapper().readTree(list.out());
            assertThat(list.status()).isEqualTo(ExitCodes.OK);
            assertThat(records).hasSize(10);
            assertThat(one.out()).contains("this is the oops");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noAgentListeningFailsWithAHintToReadTheLog() throws Exception {
        int port;
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of("triage", "--from", "http://127.0.0.1:" + port);

        assertThat(run.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err())
                .contains("No pudwatch agent answers")
                .contains("--from /var/lib/pudwatch/incidents");
    }
}
