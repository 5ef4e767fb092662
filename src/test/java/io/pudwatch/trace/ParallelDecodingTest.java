package io.pudwatch.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.TraceEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Cutting the input into chunks that two threads decode must not change what a read gives: the same
 * events in the same order, the same error at the same line, the same counts, whether the read ends
 * or stops at a malformed line.
 */
class ParallelDecodingTest {
    private static final String[] GOOD = {
        "{\"ts\":%d,\"type\":\"pud_split\",\"pid\":1,\"tid\":2,\"comm\":\"cat\","
                + "\"mm\":\"0x10\",\"pudp\":\"0x20\",\"addr\":\"0x40000000\"}",
        "{\"ts\":%d,\"type\":\"pud_install\",\"pid\":3,\"tid\":4,\"mm\":\"0x10\","
                + "\"pudp\":\"0x20\",\"addr\":\"0x40000000\",\"source\":\"vfio_pci\"}",
        "{\"ts\":%d,\"type\":\"lost\",\"count\":2}",
        "{\"ts\":%d,\"type\":\"future_type\",\"x\":1}",
        "{\"ts\":%d,\"type\":\"mm_exit\",\"pid\":3,\"tid\":3,\"mm\":\"0x10\",\"extra\":[1]}",
        "",
        "   ",
    };
    private static final String HEADER = "{\"format\":\"pudwatch-trace\",\"version\":1}";
    // A field missing, and garbage whose problem names the line's own text: more distinct
    // problems than the summary names one by one.
    private static final String[] BAD = {"{\"ts\":%d,\"type\":\"mm_exit\",\"pid\":3}", "garbage%d"};

    @Property(tries = 300)
    void twoThreadsReadExactlyWhatOneReads(
            @ForAll @IntRange(min = 0, max = 400) int lines,
            @ForAll @IntRange(min = 1, max = 2000) int chunkBytes,
            @ForAll @IntRange(min = 0, max = 3) int blankLinesFirst,
            @ForAll boolean header,
            @ForAll boolean lateHeader,
            @ForAll @IntRange(min = 0, max = 60) int badLines,
            @ForAll boolean skipInvalid,
            @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        text.append(" \r\n".repeat(blankLinesFirst));
        if (header) {
            text.append(HEADER).append('\n');
        }
        Set<Integer> bad = new HashSet<>();
        for (int i = 0; i < badLines && lines > 0; i++) {
            bad.add(random.nextInt(lines));
        }
        // A header after the first line that is not blank is not a header but a bad event.
        int late = lateHeader && lines > 0 ? random.nextInt(lines) : -1;
        for (int i = 0; i < lines; i++) {
            String shape =
                    bad.contains(i)
                            ? BAD[random.nextInt(BAD.length)]
                            : i == late ? HEADER : GOOD[random.nextInt(GOOD.length)];
            text.append(String.format(shape, i)).append('\n');
        }
        if (random.nextBoolean() && text.length() > 0) {
            text.setLength(text.length() - 1); // no newline after the last line
        }

        String oneThread = read(text.toString(), skipInvalid, TraceReader.CHUNK_BYTES, false);
        String twoThreads = read(text.toString(), skipInvalid, chunkBytes, true);

        assertThat(twoThreads).as("reading:%n%s", text).isEqualTo(oneThread);
    }

    private static String read(
            String text, boolean skipInvalid, int chunkBytes, boolean twoThreads) {
        List<String> events = new ArrayList<>();
        TraceReader reader =
                new TraceReader(
                        "t",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        skipInvalid,
                        true,
                        chunkBytes,
                        twoThreads);
        String error = "none";
        try {
            reader.readAll(e -> events.add(describe(e)));
        } catch (Exception e) {
            error = e.getMessage();
        }
        ReadStats s = reader.stats();
        return String.join("\n", events)
                + "\nerror: "
                + error
                + "\nlines "
                + s.lines()
                + " blank "
                + s.blankLines()
                + " invalid "
                + s.invalidLines()
                + " first "
                + s.firstInvalid()
                + " unknown fields "
                + s.unknownFields()
                + " types "
                + s.unknownTypes()
                + " reasons "
                + s.invalidReasons()
                + " events "
                + s.totalEvents()
                + " header "
                + reader.header();
    }

    private static String describe(TraceEvent e) {
        return e.type + " " + e.ts + " " + e.tid + " " + e.comm + " " + e.source + " " + e.count;
    }
}
