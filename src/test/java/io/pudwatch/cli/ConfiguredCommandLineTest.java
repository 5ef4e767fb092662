package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.config.ConfigFileReader;
import io.pudwatch.config.ConfigKey;
import io.pudwatch.config.ConfigSection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class ConfiguredCommandLineTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine configured(Map<String, String> env, String... args) throws Exception {
        CommandLine cli = PudwatchCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ConfiguredCommandLine.configure(cli, env, dir.resolve("absent.yaml"), args);
        return cli;
    }

    private int run(Map<String, String> env, String... args) throws Exception {
        return configured(env, args).execute(args);
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("pudwatch.yaml"), yaml);
    }

    private static ReplayCommand replay(CommandLine cli) {
        return cli.getSubcommands().get("replay").getCommand();
    }

    @Test
    void theFileSetsTheOptionsOfItsSubcommand() throws Exception {
        Path config = file("replay:\n  window-timeout: 2s\n  output: json\n  skip-invalid: true\n");
        String[] args = {"--config", config.toString(), "replay", "trace.jsonl"};

        CommandLine cli = configured(Map.of(), args);
        cli.parseArgs(args);

        assertThat(replay(cli).correlator.windowTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(replay(cli).output).isEqualTo(OutputFormat.json);
        assertThat(replay(cli).skipInvalid).isTrue();
        assertThat(replay(cli).correlator.reorderWindow).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
        Path config = file("replay:\n  window-timeout: 2s\n  reorder-window: 20ms\n");
        Map<String, String> env =
                Map.of(
                        "PUDWATCH_CONFIG",
                        config.toString(),
                        "PUDWATCH_WINDOW_TIMEOUT",
                        "3s",
                        "PUDWATCH_MAX_OPEN_WINDOWS",
                        "7");
        String[] args = {"replay", "--max-open-windows", "9", "trace.jsonl"};

        CommandLine cli = configured(env, args);
        cli.parseArgs(args);

        assertThat(replay(cli).correlator.maxOpenWindows).isEqualTo(9);
        assertThat(replay(cli).correlator.windowTimeout).isEqualTo(Duration.ofSeconds(3));
        assertThat(replay(cli).correlator.reorderWindow).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void theConfigFlagIsFoundAfterTheSubcommandToo() throws Exception {
        Path config = file("simulate:\n  seed: 42\n  vms: 2\n");
        String[] args = {"simulate", "--config", config.toString(), "--vms", "3"};

        CommandLine cli = configured(Map.of(), args);
        cli.parseArgs(args);

        SimulateCommand simulate = cli.getSubcommands().get("simulate").getCommand();
        assertThat(simulate.host.seed).isEqualTo(42);
        assertThat(simulate.vms).isEqualTo(3);
    }

    @Test
    void aWrongKeyInTheFileStopsEveryCommandWithExitStatusThree() throws Exception {
        Path config = file("simulate:\n  sed: 42\n");

        int status =
                ConfiguredCommandLine.execute(
                        Map.of("PUDWATCH_CONFIG", config.toString()),
                        dir.resolve("absent.yaml"),
                        "replay",
                        "trace.jsonl");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aWrongEnvironmentValueStopsTheCommandNamingTheVariable() throws Exception {
        int status = run(Map.of("PUDWATCH_WINDOW_TIMEOUT", "5"), "replay", "trace.jsonl");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString())
                .startsWith(
                        "pudwatch: environment variable PUDWATCH_WINDOW_TIMEOUT: '5' needs a unit");
    }

    @Test
    void theConfigCommandSaysWhereEachValueCameFrom() throws Exception {
        Path config = file("replay:\n  window-timeout: 2s\n");
        String[] args = {
            "--config", config.toString(), "config", "replay", "--output", "json", "trace.jsonl"
        };

        int status = run(Map.of("PUDWATCH_REORDER_WINDOW", "30ms"), args);

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("configuration file: " + config + " (--config)")
                .containsPattern("replay\\.output +json +flag\n")
                .containsPattern("replay\\.window-timeout +2s +file " + config + ":2\n")
                .containsPattern("replay\\.reorder-window +30ms +env PUDWATCH_REORDER_WINDOW\n")
                .containsPattern("replay\\.max-open-windows +65536 +default\n");
    }

    @Test
    void theConfigCommandWithoutArgumentsListsEverySubcommandsKeys() throws Exception {
        assertThat(run(Map.of(), "config")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString())
                .contains("configuration file: none")
                .containsPattern("replay\\.window-timeout +1s +default\n")
                .containsPattern("simulate\\.seed +1 +default\n")
                .containsPattern("simulate\\.output +\\(none\\) +default\n");
    }

    @Test
    void everyLongOptionOfEverySubcommandIsAKeyOfItsSection() {
        CommandSpec top = PudwatchCommand.newCommandLine().getCommandSpec();
        ConfigSection schema = ConfigurableOptions.schema(top);

        List<String> missing = new ArrayList<>();
        for (CommandLine sub : top.subcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                String name = ConfigurableOptions.keyName(option);
                boolean listed =
                        name == null
                                || option.inherited()
                                || schema.section(sub.getCommandName())
                                        .flatMap(s -> s.key(name))
                                        .isPresent();
                if (!listed) {
                    missing.add(sub.getCommandName() + " " + option.longestName());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(schema.section("replay").orElseThrow().keys())
                .containsKeys("window-timeout", "reorder-window", "max-open-windows", "output");
        assertThat(schema.section("simulate").orElseThrow().keys())
                .containsKeys("seed", "duration");
        assertThat(schema.keys()).doesNotContainKeys("config", "help", "version", "verbose");
    }

    @Test
    void theDefaultOfEveryOptionPassesItsOwnCheck() throws Exception {
        ConfigSection schema =
                ConfigurableOptions.schema(PudwatchCommand.newCommandLine().getCommandSpec());
        StringBuilder yaml = new StringBuilder();
        writeDefaults(schema, "", yaml);

        Path config = file(yaml.toString());
        assertThat(new ConfigFileReader(schema).read(config).size()).isGreaterThan(15);
    }

    private static void writeDefaults(ConfigSection section, String indent, StringBuilder yaml) {
        for (ConfigKey key : section.keys().values()) {
            if (key.defaultValue() != null) {
                yaml.append(indent)
                        .append(key.name())
                        .append(": '")
                        .append(key.defaultValue())
                        .append("'\n");
            }
        }
        for (ConfigSection nested : section.sections().values()) {
            yaml.append(indent).append(nested.name()).append(":\n");
            writeDefaults(nested, indent + "  ", yaml);
        }
    }

    @Test
    void aSubcommandNamedFirstWithNothingToConfigureIsBuiltAlone() {
        Path absent = Path.of("/nonexistent/pudwatch.yaml");

        assertThat(ConfiguredCommandLine.soleSubcommand(Map.of(), absent, new String[] {"replay"}))
                .isEqualTo("replay");
        assertThat(PudwatchCommand.newCommandLine("replay").getSubcommands())
                .containsOnlyKeys("replay");
    }

    @Test
    void aConfigurationFileVariableOrGlobalOptionFirstBuildsTheWholeTree(@TempDir Path tmp)
            throws Exception {
        Path absent = Path.of("/nonexistent/pudwatch.yaml");
        Path present = Files.writeString(tmp.resolve("pudwatch.yaml"), "run: {}\n");
        String[] replay = {"replay", "t.jsonl"};

        assertThat(ConfiguredCommandLine.soleSubcommand(Map.of(), present, replay)).isNull();
        assertThat(
                        ConfiguredCommandLine.soleSubcommand(
                                Map.of("PUDWATCH_OUTPUT", "json"), absent, replay))
                .isNull();
        assertThat(
                        ConfiguredCommandLine.soleSubcommand(
                                Map.of(), absent, new String[] {"-v", "replay", "t.jsonl"}))
                .isNull();
        assertThat(
                        ConfiguredCommandLine.soleSubcommand(
                                Map.of(), absent, new String[] {"replay", "--config", "x.yaml"}))
                .isNull();
    }
}
