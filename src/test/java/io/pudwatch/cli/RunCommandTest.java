package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir Path dir;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PudwatchCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aSpeedThatIsNeitherANumberNorMaxIsAUsageError() {
        assertThat(run("run", "--replay", "x.jsonl", "--speed", "fast")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("write a number (1 = real time, 10) or max");
    }

    @Test
    void aMissingTraceIsNamed() {
        assertThat(run("run", "--replay", dir.resolve("none.jsonl").toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("none.jsonl: no such file");
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "");
        assertThat(run("run", "--replay", trace.toString(), "--tls-cert", "c.pem"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void aMalformedPasswordFileIsBadInput() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "");
        Path users = Files.writeString(dir.resolve("users"), "alice:plain\n");
        assertThat(run("run", "--replay", trace.toString(), "--basic-auth-file", users.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(users + ":1");
    }

    @Test
    void demoRefusesAnUnknownKernel() {
        assertThat(run("demo", "--kernel", "patched")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("vulnerable or fixed");
    }
}
