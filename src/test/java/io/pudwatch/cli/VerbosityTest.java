package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class VerbosityTest {
    @ParameterizedTest(name = "''{0}'' logs at {1}")
    @CsvSource({"--log-format=text, INFO", "-v, DEBUG", "-vv, TRACE", "--verbose, DEBUG"})
    void eachVMakesTheLogsMoreDetailed(String flag, String level) throws Exception {
        CommandRun run = CommandRun.of(flag, "doctor", "--root", DoctorCommandTest.host("clean"));

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(root.getLevel()).isEqualTo(Level.toLevel(level));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--log-format=xml"})
    void anUnknownLogFormatIsAUsageError(String flag) throws Exception {
        CommandRun run = CommandRun.of(flag, "doctor");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--log-format must be text or json, not 'xml'.");
    }
}
