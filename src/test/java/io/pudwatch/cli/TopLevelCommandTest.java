package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopLevelCommandTest {
    @Test
    void helpListsTheSubcommandsAndTheExitStatuses() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("replay", "simulate", "Exit status:", "3  malformed input file");
    }

    @Test
    void versionNamesTheBuild() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("pudwatch ");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Name a subcommand.");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithASuggestion() {
        CommandRun run = CommandRun.of("replya");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("replay");
    }

    @Test
    void simulateRejectsAnUnknownKernelBehaviour(@TempDir Path dir) {
        CommandRun run =
                CommandRun.of("simulate", "--kernel", "patched", "-o", dir.resolve("t").toString());

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--kernel takes vulnerable or fixed, not 'patched'");
    }

    @Test
    void simulateWritesATraceThatReplays(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");
        String[] simulate = {"simulate", "--duration", "1s", "--seed", "5", "-o", trace.toString()};

        assertThat(CommandRun.of(simulate).status()).isZero();
        assertThat(Files.readAllLines(trace).get(0))
                .startsWith("{\"format\":\"pudwatch-trace\",\"version\":1");
        assertThat(CommandRun.of("replay", "--output", "json", trace.toString()).status()).isZero();
    }
}
