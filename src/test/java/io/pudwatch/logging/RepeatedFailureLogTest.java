package io.pudwatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedFailureLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("repeated-failure-test");
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    @BeforeEach
    void capture() {
        seen.start();
        logger.addAppender(seen);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        logger.detachAppender(seen);
    }

    @Test
    void aRepeatedFailureWarnsOnceThenLogsAtDebug() {
        RepeatedFailureLog failures = new RepeatedFailureLog(logger);

        for (int i = 0; i < 5; i++) {
            failures.failed("{} cannot be written", "/var/lib/pudwatch/incidents");
        }

        assertThat(seen.list)
                .extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.DEBUG);
        assertThat(seen.list.get(0).getFormattedMessage())
                .startsWith("/var/lib/pudwatch/incidents cannot be written")
                .contains("logged at debug level");
        assertThat(failures.failures()).isEqualTo(5);
    }

    @Test
    void afterARecoveryTheNextFailureWarnsAgain() {
        RepeatedFailureLog failures = new RepeatedFailureLog(logger);

        failures.failed("write failed");
        failures.failed("write failed");
        failures.succeeded("writes work again");
        failures.succeeded("writes work again");
        failures.failed("write failed");

        assertThat(seen.list)
                .extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.DEBUG, Level.INFO, Level.WARN);
        assertThat(seen.list.get(2).getFormattedMessage())
                .isEqualTo("writes work again (after 2 failures)");
    }
}
