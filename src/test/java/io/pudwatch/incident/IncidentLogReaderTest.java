package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentLogReaderTest {
    @TempDir Path dir;

    @Test
    void aMalformedLineStopsAStrictReadNamingFileAndLine() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        String good = IncidentRecordJson.toJson(Records.record(1_000, 1), true);
        String noOutcome = good.replace("\"outcome\":\"crashed\",", "");
        Files.writeString(file, good + "\n\n" + noOutcome + "\n");

        assertThatThrownBy(
                        () ->
                                IncidentLogReader.read(
                                        file, r -> {}, IncidentLogReader.MalformedLine.STOP))
                .isInstanceOf(IncidentFormatException.class)
                .hasMessage(file + ":3: Field 'outcome' must be a string.");
    }

    @Test
    void aRecordSurvivesTheRoundTripThroughItsJsonLine() throws Exception {
        IncidentRecord record = Records.record(1_767_000_000_000L, 42);

        assertThat(IncidentLogReader.parse(IncidentRecordJson.toJson(record, true)))
                .isEqualTo(record);
    }

    @Test
    void aLineThatIsNotJsonSaysSo() throws Exception {
        Path file = dir.resolve("x.jsonl");
        Files.writeString(file, "hello\n");
        List<String> errors = new ArrayList<>();

        int bad = IncidentLogReader.read(file, r -> {}, e -> errors.add(e.getMessage()));

        assertThat(bad).isEqualTo(1);
        assertThat(errors).singleElement().asString().startsWith(file + ":1: not JSON");
    }
}
