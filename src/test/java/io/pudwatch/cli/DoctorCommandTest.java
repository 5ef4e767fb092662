package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoctorCommandTest {
    static String host(String name) throws Exception {
        return Path.of(DoctorCommandTest.class.getResource("/hosts/" + name).toURI()).toString();
    }

    @ParameterizedTest(name = "{0} host exits {1}")
    @CsvSource({
        "exposed, 6, exposed",
        "fixed, 0, not_exposed",
        "clean, 0, not_exposed",
        "unknown, 7, unknown"
    })
    void theExitStatusAndTheJsonSayTheVerdict(String name, int status, String verdict)
            throws Exception {
        CommandRun run = CommandRun.of("doctor", "--root", host(name), "--output", "json");

        assertThat(run.status()).isEqualTo(status);
        assertThat(new ObjectMapper().readTree(run.out()).path("verdict").asText())
                .isEqualTo(verdict);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"exposed", "clean"})
    void theTextReportStartsWithTheVerdict(String name) throws Exception {
        CommandRun run = CommandRun.of("doctor", "--root", host(name));

        assertThat(run.out()).startsWith("Verdict: ");
        assertThat(run.out()).contains("Agent readiness: ready");
    }
}
