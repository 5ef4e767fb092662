package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TopLevelCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PudwatchCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheSubcommandsAndTheExitStatuses() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("replay", "simulate", "Exit status:", "3  malformed input file");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("pudwatch ");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Name a subcommand.");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithASuggestion() {
        assertThat(run("replya")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("replay");
    }

    @Test
    void simulateRejectsAnUnknownKernelBehaviour(@TempDir Path dir) {
        int status = run("simulate", "--kernel", "patched", "-o", dir.resolve("t").toString());

        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--kernel takes vulnerable or fixed, not 'patched'");
    }

    @Test
    void simulateWritesATraceThatReplays(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");

        assertThat(run("simulate", "--duration", "1s", "--seed", "5", "-o", trace.toString()))
                .isZero();
        assertThat(Files.readAllLines(trace).get(0))
                .startsWith("{\"format\":\"pudwatch-trace\",\"version\":1");
        assertThat(run("replay", "--output", "json", trace.toString())).isZero();
    }
}
