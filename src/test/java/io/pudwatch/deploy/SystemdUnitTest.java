package io.pudwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.testing.Commands;
import io.pudwatch.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitTest {
    private static final Path UNIT = Path.of("deploy/systemd/pudwatch.service");
    private static final Path SYSTEM_UNITS = Path.of("/lib/systemd/system");

    @TempDir Path root;

    @Test
    void theAgentGetsTheCapabilitiesItsProbesNeedAndNoMore() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);
        List<String> needed =
                List.of(
                        "CAP_BPF",
                        "CAP_PERFMON",
                        "CAP_SYS_RESOURCE",
                        "CAP_SYSLOG",
                        "CAP_SYS_PTRACE",
                        "CAP_DAC_READ_SEARCH");

        assertThat(unit.words("Service", "CapabilityBoundingSet"))
                .containsAll(needed)
                .doesNotContain("CAP_SYS_ADMIN", "CAP_DAC_OVERRIDE", "CAP_NET_ADMIN");
        assertThat(unit.words("Service", "AmbientCapabilities"))
                .containsExactlyInAnyOrderElementsOf(
                        unit.words("Service", "CapabilityBoundingSet"));
        assertThat(unit.words("Service", "LimitMEMLOCK")).containsExactly("infinity");
    }

    @Test
    void settingsThatBreakAnEbpfAgentOnTheJvmAreAbsent() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);

        for (String breaking :
                List.of(
                        "ProtectKernelModules",
                        "ProtectKernelTunables",
                        "ProtectKernelLogs",
                        "MemoryDenyWriteExecute",
                        "ProtectProc",
                        "ProcSubset",
                        "PrivateNetwork",
                        "DynamicUser",
                        "User")) {
            assertThat(unit.has("Service", breaking)).as(breaking).isFalse();
        }
        assertThat(unit.words("Service", "SystemCallFilter"))
                .first()
                .asString()
                .as("a deny-list, so bpf() and perf_event_open() stay allowed")
                .startsWith("~");
        assertThat(unit.words("Service", "SystemCallFilter"))
                .doesNotContain("@debug", "@privileged", "~@debug", "~@privileged");
    }

    @Test
    void itRunsTheAgentWithTheInstalledConfigurationAndRestartsItOnFailure() throws IOException {
        UnitFile unit = UnitFile.read(UNIT);

        assertThat(unit.words("Service", "ExecStart"))
                .containsExactly(
                        "/usr/bin/pudwatch", "run", "--config", "/etc/pudwatch/pudwatch.yaml");
        assertThat(unit.words("Service", "Restart")).containsExactly("on-failure");
        assertThat(unit.words("Service", "RestartPreventExitStatus")).containsExactly("2", "3");
        assertThat(unit.words("Service", "StateDirectory")).containsExactly("pudwatch");
        assertThat(unit.words("Service", "CacheDirectory")).containsExactly("pudwatch");
        assertThat(unit.words("Install", "WantedBy")).containsExactly("multi-user.target");
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws IOException {
        Prerequisites.assumeInstalled(
                Commands.onPath("systemd-analyze") && Files.isDirectory(SYSTEM_UNITS),
                "systemd-analyze and " + SYSTEM_UNITS + " (Debian package systemd)");
        Path unit = fakeRoot();

        Commands.Result verify =
                Commands.run(
                        List.of(
                                "systemd-analyze",
                                "verify",
                                "--man=no",
                                "--generators=no",
                                "--root=" + root,
                                "/" + root.relativize(unit)),
                        Duration.ofMinutes(1));

        // verify exits 0 on unknown keys and unparsable values, but says so on stderr.
        assertThat(verify.exitStatus()).as(verify.output()).isZero();
        assertThat(verify.output()).isEmpty();
    }

    @Test
    void systemdRatesTheUnitsExposureAsOk() throws IOException {
        Prerequisites.assumeInstalled(
                Commands.onPath("systemd-analyze") && Files.isDirectory(SYSTEM_UNITS),
                "systemd-analyze and " + SYSTEM_UNITS + " (Debian package systemd)");
        Path unit = fakeRoot();

        Commands.Result security =
                Commands.run(
                        List.of(
                                "systemd-analyze",
                                "security",
                                "--offline=true",
                                "--no-pager",
                                "--root=" + root,
                                "/" + root.relativize(unit)),
                        Duration.ofMinutes(1));

        Matcher level =
                Pattern.compile("Overall exposure level for pudwatch.service: ([0-9.]+)")
                        .matcher(security.output());
        assertThat(level.find()).as(security.output()).isTrue();
        // 10 is a unit with no sandboxing at all; below 5 systemd calls it "OK". The capabilities
        // an eBPF agent cannot do without keep it above 3.
        assertThat(Double.parseDouble(level.group(1))).isLessThan(5.0);
    }

    /** A root holding the unit, an executable at its ExecStart path, and systemd's own units. */
    private Path fakeRoot() throws IOException {
        Path unitDir = Files.createDirectories(root.resolve("etc/systemd/system"));
        Path unit = Files.copy(UNIT, unitDir.resolve("pudwatch.service"));
        Path launcher = Files.createDirectories(root.resolve("usr/bin")).resolve("pudwatch");
        Files.writeString(launcher, "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        copyTree(SYSTEM_UNITS, root.resolve("lib/systemd/system"));
        return unit;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    // Masks point at /dev/null, outside the root: a missing unit serves as well.
                    Path link = Files.readSymbolicLink(source);
                    if (!link.isAbsolute()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, link);
                    }
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
