package io.pudwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.BuildInfo;
import io.pudwatch.testing.Commands;
import io.pudwatch.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the package built by {@code mvn -Pdeb verify} on this machine, runs the installed
 * command, and purges it. Root only: it changes the system, and puts it back.
 */
@Tag("root")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackageIT {
    private static final Path DEB =
            Path.of("target/pudwatch_" + BuildInfo.version() + "_all.deb").toAbsolutePath();
    private static final Duration APT_LIMIT = Duration.ofMinutes(8);
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
    private static final Map<String, String> NONINTERACTIVE =
            Map.of("DEBIAN_FRONTEND", "noninteractive");

    private static final List<Path> INSTALLED =
            List.of(
                    Path.of("/usr/bin/pudwatch"),
                    Path.of("/usr/share/pudwatch/pudwatch.jar"),
                    Path.of("/lib/systemd/system/pudwatch.service"),
                    Path.of("/usr/share/doc/pudwatch/copyright"));
    private static final Path CONFFILE = Path.of("/etc/pudwatch/pudwatch.yaml");

    @TempDir static Path work;

    @BeforeAll
    static void installFromScratch() throws IOException {
        Prerequisites.assumeInstalled(Prerequisites.isRoot(), "root, to install a package");
        Prerequisites.assumeInstalled(
                Commands.onPath("apt-get") && Commands.onPath("dpkg"), "apt-get and dpkg");
        Prerequisites.assumeInstalled(
                Files.isRegularFile(DEB), DEB + ", built by 'mvn -Pdeb package'");

        run(List.of("dpkg", "--purge", "pudwatch"), NONINTERACTIVE, APT_LIMIT);
        Commands.Result install =
                run(
                        List.of(
                                "apt-get",
                                "install",
                                "-y",
                                "--no-install-recommends",
                                DEB.toString()),
                        NONINTERACTIVE,
                        APT_LIMIT);
        assertThat(install.exitStatus())
                .as(
                        "apt-get install failed; if a dependency was not found,"
                                + " run apt-get update:%n%s",
                        install.output())
                .isZero();
    }

    @AfterAll
    static void leaveNoTrace() throws IOException {
        if (Prerequisites.isRoot() && Commands.onPath("dpkg")) {
            run(List.of("dpkg", "--purge", "pudwatch"), NONINTERACTIVE, APT_LIMIT);
        }
    }

    @Test
    @Order(1)
    void theInstalledCommandReportsTheBuiltVersion() throws IOException {
        Commands.Result version = pudwatch("--version");

        assertThat(version.exitStatus()).as(version.output()).isZero();
        assertThat(version.stdout()).startsWith("pudwatch " + BuildInfo.version() + "\n");
    }

    @Test
    @Order(2)
    void everyFileIsInPlaceAndTheConfigurationIsAConffile() throws IOException {
        for (Path path : INSTALLED) {
            assertThat(path).exists();
        }
        assertThat(Path.of("/usr/bin/pudwatch")).isExecutable();
        assertThat(CONFFILE).exists();

        Commands.Result conffiles =
                run(
                        List.of("dpkg-query", "-W", "-f=${Conffiles}", "pudwatch"),
                        Map.of(),
                        COMMAND_LIMIT);
        assertThat(conffiles.stdout()).contains(CONFFILE.toString());
    }

    @Test
    @Order(3)
    void theInstalledCommandReplaysASimulatedTraceUnderTheShippedConfiguration()
            throws IOException {
        Path trace = work.resolve("simulated.jsonl");

        Commands.Result simulate =
                pudwatch("simulate", "--duration", "2s", "--seed", "7", "-o", trace.toString());
        Commands.Result replay = pudwatch("replay", "--output", "json", trace.toString());

        assertThat(simulate.exitStatus()).as(simulate.output()).isZero();
        assertThat(replay.exitStatus()).as(replay.output()).isZero();
        assertThat(replay.stderr()).contains("events: ").contains("incidents: ");
        Commands.Result config = pudwatch("config");
        assertThat(config.stdout())
                .contains("configuration file: " + CONFFILE + " (default location)");
    }

    @Test
    @Order(4)
    void theInstalledCommandChecksThisHostsProbesWithTheInstalledLibbcc() throws IOException {
        Commands.Result check = pudwatch("check", "--output", "json");

        // This VM has no kprobes and refuses fentry, so detection is impossible here (5); on a
        // host with kprobes the same package reports complete (0) or degraded (4).
        assertThat(check.exitStatus()).as(check.output()).isIn(0, 4, 5);
        assertThat(check.stdout()).contains("\"probes\"").contains("\"pud-split\"");
    }

    @Test
    @Order(5)
    void removeKeepsTheConfigurationAndPurgeTakesEverything() throws IOException {
        Commands.Result remove =
                run(List.of("dpkg", "--remove", "pudwatch"), NONINTERACTIVE, APT_LIMIT);
        assertThat(remove.exitStatus()).as(remove.output()).isZero();
        for (Path path : INSTALLED) {
            assertThat(path).doesNotExist();
        }
        assertThat(CONFFILE).exists();

        Commands.Result purge =
                run(List.of("dpkg", "--purge", "pudwatch"), NONINTERACTIVE, APT_LIMIT);
        assertThat(purge.exitStatus()).as(purge.output()).isZero();
        assertThat(CONFFILE).doesNotExist();
        assertThat(Path.of("/etc/pudwatch")).doesNotExist();
        assertThat(Path.of("/usr/share/pudwatch")).doesNotExist();
        assertThat(Path.of("/etc/systemd/system/pudwatch.service")).doesNotExist();
        assertThat(Path.of("/etc/systemd/system/multi-user.target.wants/pudwatch.service"))
                .doesNotExist();
        Commands.Result status = run(List.of("dpkg", "-s", "pudwatch"), Map.of(), COMMAND_LIMIT);
        assertThat(status.exitStatus()).isNotZero();
    }

    private static Commands.Result pudwatch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add("/usr/bin/pudwatch");
        command.addAll(List.of(args));
        // PUDWATCH_CONFIG must not leak in from the test run's own environment.
        return Commands.run(command, Map.of("PUDWATCH_CONFIG", ""), work, COMMAND_LIMIT);
    }

    private static Commands.Result run(
            List<String> command, Map<String, String> env, Duration limit) throws IOException {
        return Commands.run(command, env, null, limit);
    }
}
