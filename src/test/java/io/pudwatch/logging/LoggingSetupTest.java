package io.pudwatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private static final Logger logger = LoggerFactory.getLogger(LoggingSetupTest.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void backToText() {
        LoggingSetup.configure(LogFormat.TEXT);
    }

    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTheRenderedMessage() throws Exception {
        LoggingSetup.configure(LogFormat.JSON, out);
        LoggingSetup.setLevel(ch.qos.logback.classic.Level.INFO);

        logger.info("Loaded {} incidents from {}.", 3, "/var/lib/pudwatch/incidents");
        logger.warn("A \"quoted\"\nsecond line");

        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).path("loggerName").asText())
                .isEqualTo(LoggingSetupTest.class.getName());
        assertThat(lines.get(0).path("formattedMessage").asText())
                .isEqualTo("Loaded 3 incidents from /var/lib/pudwatch/incidents.");
        assertThat(lines.get(0).path("timestamp").asLong()).isPositive();
        assertThat(lines.get(1).path("formattedMessage").asText())
                .isEqualTo("A \"quoted\"\nsecond line");
    }

    @Test
    void textLogsAreOneReadableLineWithLevelAndLogger() {
        LoggingSetup.configure(LogFormat.TEXT, out);
        LoggingSetup.setLevel(ch.qos.logback.classic.Level.INFO);

        logger.info("Loaded {} incidents.", 3);
        logger.debug("not shown at info level");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines())
                .singleElement()
                .asString()
                .contains(" INFO ")
                .contains("LoggingSetupTest: Loaded 3 incidents.");
    }
}
