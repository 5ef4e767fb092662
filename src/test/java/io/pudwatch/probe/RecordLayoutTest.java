package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.EventType;
import io.pudwatch.event.FaultSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the decoder to the C side: lays struct pw_event of {@code bpf/pudwatch.bpf.c} out with the
 * x86_64 ABI's rules (each field at a multiple of its alignment, the struct padded to its largest)
 * and compares each field with the offset the decoder reads it at.
 */
class RecordLayoutTest {
    private static final Pattern STRUCT =
            Pattern.compile("struct pw_event \\{(.*?)\\};", Pattern.DOTALL);
    private static final Pattern FIELD =
            Pattern.compile("\\s*(u8|u16|u32|u64|char)\\s+(\\w+)(?:\\[(\\d+)\\])?;");

    /** A field as the C compiler places it. */
    record Field(int offset, int size) {}

    private static String program;
    private static Map<String, Field> layout;
    private static int structSize;

    @BeforeAll
    static void layOutTheCStruct() throws IOException {
        program = Files.readString(Path.of("bpf/pudwatch.bpf.c"));
        Matcher struct = STRUCT.matcher(program);
        assertThat(struct.find()).as("struct pw_event in bpf/pudwatch.bpf.c").isTrue();
        layout = new LinkedHashMap<>();
        int offset = 0;
        int maxAlign = 1;
        for (String line : struct.group(1).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher field = FIELD.matcher(line);
            assertThat(field.matches()).as("a field this test can lay out: " + line).isTrue();
            int unit =
                    switch (field.group(1)) {
                        case "u8", "char" -> 1;
                        case "u16" -> 2;
                        case "u32" -> 4;
                        default -> 8;
                    };
            int count = field.group(3) == null ? 1 : Integer.parseInt(field.group(3));
            offset = (offset + unit - 1) / unit * unit;
            layout.put(field.group(2), new Field(offset, unit * count));
            offset += unit * count;
            maxAlign = Math.max(maxAlign, unit);
        }
        structSize = (offset + maxAlign - 1) / maxAlign * maxAlign;
    }

    @Test
    void theDecoderReadsEveryFieldWhereTheCompilerPutsIt() {
        assertThat(layout)
                .containsEntry("type", new Field(RecordDecoder.TYPE, 1))
                .containsEntry("flags", new Field(RecordDecoder.FLAGS, 1))
                .containsEntry("cpu", new Field(RecordDecoder.CPU, 2))
                .containsEntry("pid", new Field(RecordDecoder.PID, 4))
                .containsEntry("tid", new Field(RecordDecoder.TID, 4))
                .containsEntry("ts", new Field(RecordDecoder.TS, 8))
                .containsEntry("mm", new Field(RecordDecoder.MM, 8))
                .containsEntry("pudp", new Field(RecordDecoder.PUDP, 8))
                .containsEntry("addr", new Field(RecordDecoder.ADDR, 8))
                .containsEntry("aux", new Field(RecordDecoder.AUX, 8))
                .containsEntry("comm", new Field(RecordDecoder.COMM, RecordDecoder.COMM_SIZE));
    }

    @Test
    void theRecordSizeIsTheStructSize() {
        assertThat(structSize).isEqualTo(RecordDecoder.RECORD_SIZE);
    }

    @Test
    void theProgramsEventTypeCodesAreThoseOfEventType() {
        for (EventType type : EventType.values()) {
            if (type != EventType.LOST) {
                assertThat(define("PW_" + type.name())).as(type.name()).isEqualTo(type.code());
            }
        }
    }

    @Test
    void theProgramsFaultSourceCodesAreThoseOfFaultSource() {
        for (FaultSource source : FaultSource.values()) {
            assertThat(define("PW_SOURCE_" + source.name()))
                    .as(source.name())
                    .isEqualTo(source.code());
        }
    }

    @Test
    void theFlagBitForAuxIsTheDecodersFlag() {
        assertThat(define("PW_FLAG_AUX")).isEqualTo(RecordDecoder.FLAG_AUX);
    }

    @Test
    void thePerThreadAndPerMmStateMapsAreLruHashesThatCannotFillUp() {
        for (String map : new String[] {"walks", "fault_marks", "tracked_mms"}) {
            assertThat(program)
                    .as(map)
                    .containsPattern(
                            "BPF_TABLE\\(\"lru_hash\", [^,]+, [^,]+, " + map + ", \\d+\\)");
        }
        assertThat(program).doesNotContain("BPF_HASH(");
    }

    private static int define(String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\d+)\\b").matcher(program);
        assertThat(m.find()).as("#define " + name).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
