package io.pudwatch.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.report.IncidentJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays the traces in {@code src/test/resources/golden} and compares with their incidents. */
class GoldenTracesTest {
    @ParameterizedTest
    @ValueSource(strings = {"crash", "fixed-retry", "out-of-order"})
    void replayGivesTheExpectedIncidents(String name) throws Exception {
        List<String> actual = new ArrayList<>();
        Pipeline pipeline =
                new Pipeline(
                        CorrelatorConfig.defaults(),
                        Duration.ofMillis(10).toNanos(),
                        i -> actual.add(IncidentJson.toJson(i)));
        try (InputStream in = resource(name + ".jsonl")) {
            new TraceReader(name, in, false).readAll(pipeline);
        }
        pipeline.end();

        assertThat(actual).containsExactlyElementsOf(expected(name));
    }

    private static List<String> expected(String name) throws Exception {
        try (InputStream in = resource(name + ".expected.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static InputStream resource(String file) {
        InputStream in = GoldenTracesTest.class.getResourceAsStream("/golden/" + file);
        assertThat(in).as("golden file %s", file).isNotNull();
        return in;
    }
}
