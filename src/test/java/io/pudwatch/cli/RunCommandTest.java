package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir Path dir;

    @Test
    void aSpeedThatIsNeitherANumberNorMaxIsAUsageError() {
        CommandRun run = CommandRun.of("run", "--replay", "x.jsonl", "--speed", "fast");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("write a number (1 = real time, 10) or max");
    }

    @Test
    void aMissingTraceIsNamed() {
        CommandRun run = CommandRun.of("run", "--replay", dir.resolve("none.jsonl").toString());

        assertThat(run.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("none.jsonl: no such file");
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "");
        CommandRun run = CommandRun.of("run", "--replay", trace.toString(), "--tls-cert", "c.pem");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void aMalformedPasswordFileIsBadInput() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "");
        Path users = Files.writeString(dir.resolve("users"), "alice:plain\n");
        CommandRun run =
                CommandRun.of(
                        "run", "--replay", trace.toString(), "--basic-auth-file", users.toString());

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(users + ":1");
    }

    @Test
    void demoRefusesAnUnknownKernel() {
        CommandRun run = CommandRun.of("demo", "--kernel", "patched");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("vulnerable or fixed");
    }
}
