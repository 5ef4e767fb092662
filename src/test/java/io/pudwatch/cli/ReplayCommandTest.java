package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final String INCIDENT_TRACE =
            String.join(
                    "\n",
                    "{\"ts\":100,\"type\":\"pud_split\",\"pid\":1,\"tid\":2,\"comm\":\"cat\","
                            + "\"mm\":\"0x10\",\"pudp\":\"0x20\",\"addr\":\"0x40000000\"}",
                    "{\"ts\":150,\"type\":\"pud_install\",\"pid\":3,\"tid\":4,\"comm\":\"qemu\","
                            + "\"mm\":\"0x10\",\"pudp\":\"0x20\",\"addr\":\"0x40000000\","
                            + "\"source\":\"vfio_pci\"}",
                    "{\"ts\":160,\"type\":\"kernel_fault\",\"pid\":1,\"tid\":2,\"addr\":\"0x0\"}");

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private Path trace(String text) throws Exception {
        Path file = dir.resolve("trace.jsonl");
        Files.writeString(file, text);
        return file;
    }

    private int replay(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return PudwatchCommand.newCommandLine()
                .setErr(new java.io.PrintWriter(System.err, true))
                .setOut(new java.io.PrintWriter(System.out, true))
                .execute(all);
    }

    @Test
    void jsonOutputPrintsOneIncidentPerLineAndASummaryOnStderr() throws Exception {
        int status = replay("--output", "json", trace(INCIDENT_TRACE).toString());

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .contains("\"outcome\":\"crashed\"", "\"comm\":\"cat\"", "\"window_ns\":50");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("events: 3 (", "pud_split 1", "incidents: 1 (crashed 1,");
    }

    @Test
    void textOutputIsATableWithinOneHundredColumns() throws Exception {
        replay(trace(INCIDENT_TRACE).toString());

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .allMatch(line -> line.length() <= 100);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("crashed", "cat/2", "qemu/4");
    }

    @Test
    void malformedLineStopsWithFileLineAndTheBadInputStatus() throws Exception {
        Path file = trace(INCIDENT_TRACE + "\n{\"ts\":1,\"type\":\"pud_split\"}\n");

        int status = replay(file.toString());

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(file + ":4: required field 'pid' is missing from a pud_split event");
    }

    @Test
    void skipInvalidGoesOnAndSaysWhatItSkipped() throws Exception {
        Path file = trace("garbage\n" + INCIDENT_TRACE + "\n{\"ts\":1,\"type\":\"new_kind\"}\n");

        int status = replay("--skip-invalid", "--output", "json", file.toString());

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "skipped: 2 lines", "of unknown type 'new_kind'", "1 malformed: bad JSON");
    }

    @Test
    void missingFileIsARunTimeFailureNamingIt() {
        int status = replay(dir.resolve("absent.jsonl").toString());

        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.jsonl: no such file");
    }

    @Test
    void badDurationIsAUsageError() throws Exception {
        int status = replay("--window-timeout", "soon", trace(INCIDENT_TRACE).toString());

        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'soon' is not a duration");
    }
}
