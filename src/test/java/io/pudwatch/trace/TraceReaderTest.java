package io.pudwatch.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {
    private static final String SPLIT =
            "{\"ts\":5,\"type\":\"pud_split\",\"pid\":1,\"tid\":2,\"mm\":\"0xffff888100000000\","
                    + "\"pudp\":\"0x10\",\"addr\":\"0x7e0000000000\"}";

    private final List<TraceEvent> events = new ArrayList<>();

    private TraceReader read(String text, boolean skipInvalid) throws Exception {
        TraceReader reader =
                new TraceReader(
                        "t.jsonl",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        skipInvalid);
        reader.readAll(e -> events.add(new TraceEvent().copyFrom(e)));
        return reader;
    }

    @Test
    void readsEveryFieldOfAnEvent() throws Exception {
        read(SPLIT.replace("}", ",\"cpu\":3,\"comm\":\"cat\"}"), false);

        TraceEvent e = events.get(0);
        assertThat(e.type).isEqualTo(EventType.PUD_SPLIT);
        assertThat(e.ts).isEqualTo(5);
        assertThat(e.pid).isEqualTo(1);
        assertThat(e.tid).isEqualTo(2);
        assertThat(e.cpu).isEqualTo(3);
        assertThat(e.comm).isEqualTo("cat");
        assertThat(e.mm).isEqualTo(0xffff888100000000L);
        assertThat(e.pudp).isEqualTo(0x10);
        assertThat(e.addr).isEqualTo(0x7e0000000000L);
    }

    @Test
    void readsAddressesAboveTheSignedRange() throws Exception {
        read(SPLIT.replace("0x10", "0xffffffffffffffff"), false);

        assertThat(events.get(0).pudp).isEqualTo(-1L);
    }

    @Test
    void skipsBlankLinesAndAcceptsCrlf() throws Exception {
        TraceReader reader = read("\n" + SPLIT + "\r\n   \n" + SPLIT, false);

        assertThat(events).hasSize(2);
        assertThat(reader.stats().blankLines()).isEqualTo(2);
    }

    @Test
    void countsUnknownTypesAndFieldsAndGoesOn() throws Exception {
        TraceReader reader =
                read(
                        "{\"ts\":1,\"type\":\"iommu_map\",\"iova\":3}\n"
                                + SPLIT.replace("}", ",\"extra\":{\"a\":[1]}}"),
                        false);

        assertThat(events).hasSize(1);
        assertThat(reader.stats().unknownTypes()).isEqualTo(Map.of("iommu_map", 1L));
        assertThat(reader.stats().unknownFields()).isEqualTo(1);
    }

    @Test
    void readsAHeaderAndRejectsAnotherVersion() throws Exception {
        TraceReader reader =
                read(
                        "{\"format\":\"pudwatch-trace\",\"version\":1,\"host\":\"h\"}\n" + SPLIT,
                        false);
        assertThat(reader.header().path("host").asText()).isEqualTo("h");

        assertThatThrownBy(() -> read("{\"format\":\"pudwatch-trace\",\"version\":2}", false))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(
                        "t.jsonl:1: trace format version 2 is not supported; this reader takes 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json | t.jsonl:2: bad JSON",
                "[1,2] | t.jsonl:2: expected a JSON object",
                "{\"ts\":1} | t.jsonl:2: required field 'type' is missing",
                "{\"ts\":1,\"type\":\"mm_exit\",\"pid\":1,\"tid\":1} | "
                        + "t.jsonl:2: required field 'mm' is missing from a mm_exit event",
                "{\"ts\":1,\"type\":\"walk_end\",\"tid\":1,\"mm\":\"0x1\"} | "
                        + "t.jsonl:2: required field 'pid' is missing from a walk_end event",
                "{\"ts\":\"1\",\"type\":\"lost\",\"count\":1} | "
                        + "t.jsonl:2: field 'ts' must be an integer, not the string \"1\"",
                "{\"ts\":1.5,\"type\":\"lost\",\"count\":1} | "
                        + "t.jsonl:2: field 'ts' must be an integer, not 1.5",
                "{\"ts\":1,\"type\":\"lost\",\"count\":0} | "
                        + "t.jsonl:2: field 'count' of a lost event must be at least 1, not 0",
                "{\"ts\":1,\"type\":\"mm_exit\",\"pid\":1,\"tid\":1,\"mm\":\"12ab\"} | "
                        + "t.jsonl:2: field 'mm' is not a valid hex value: \"12ab\"",
                "{\"ts\":1,\"type\":\"mm_exit\",\"pid\":1,\"tid\":1,\"mm\":\"0xfg\"} | "
                        + "t.jsonl:2: field 'mm' is not a valid hex value: \"0xfg\"",
                "{\"ts\":1,\"type\":\"mm_exit\",\"pid\":1,\"tid\":1,\"mm\":4096} | "
                        + "t.jsonl:2: field 'mm' must be a hex string like \"0x1f\", not 4096",
                "{\"ts\":1,\"type\":7} | t.jsonl:2: field 'type' must be a string, not 7",
                "{\"ts\":1,\"type\":\"lost\",\"count\":1} {} | "
                        + "t.jsonl:2: unexpected text after the JSON object",
            })
    void malformedLineStopsTheReadNamingFileAndLine(String line, String message) {
        assertThatThrownBy(() -> read(SPLIT + "\n" + line + "\n" + SPLIT, false))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(message.strip());
        assertThat(events).hasSize(1);
    }

    @Test
    void aLineOverAMebibyteIsMalformedAndSkippableEvenAcrossChunks() throws Exception {
        // 3 MiB: longer than a chunk, so the reader must grow one to find the line's end.
        String huge =
                "{\"ts\":1,\"type\":\"lost\",\"count\":1,\"pad\":\"" + "x".repeat(3 << 20) + "\"}";
        TraceReader reader = read(SPLIT + "\n" + huge + "\n" + SPLIT + "\n", true);

        assertThat(events).hasSize(2);
        assertThat(reader.stats().firstInvalid())
                .isEqualTo("t.jsonl:2: line is longer than 1048576 bytes");
    }

    @Test
    void aLineWithoutAnEndInEightMebibytesStopsTheReadEvenWhenSkipping() {
        String endless = "x".repeat(9 << 20);
        assertThatThrownBy(() -> read(SPLIT + "\n" + SPLIT + "\n" + endless + "\n" + SPLIT, true))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("t.jsonl:3: line is longer than 1048576 bytes");
        assertThat(events).hasSize(2);
    }

    @Test
    void errorsNameTheLineCountedFromTheStartAcrossChunks() {
        // 50,000 lines of 108 bytes: the bad line falls in the third 2 MiB chunk.
        StringBuilder text = new StringBuilder();
        int good = 50_000;
        for (int i = 0; i < good; i++) {
            text.append(SPLIT).append('\n');
        }
        text.append("not json\n").append(SPLIT);

        assertThatThrownBy(() -> read(text.toString(), false))
                .hasMessageStartingWith("t.jsonl:" + (good + 1) + ": bad JSON");
        assertThat(events).hasSize(good);
    }

    /** Hands out {@code first}, then fails the way {@code failure} says, on the next read. */
    private static InputStream failingAfter(byte[] first, Callable<Integer> failure) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException("reads in blocks");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= first.length) {
                    try {
                        return failure.call();
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(len, first.length - pos);
                System.arraycopy(first, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void anUncheckedFailureOfTheHelpersReadReachesTheCaller() {
        byte[] first = (SPLIT + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream in =
                failingAfter(
                        first,
                        () -> {
                            throw new UncheckedIOException(new IOException("device gone"));
                        });
        // One line a chunk: the caller reads the first, the helper the failing second, while
        // the caller is slow to deliver.
        TraceReader reader = new TraceReader("t.jsonl", in, false, true, first.length, true);

        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () ->
                        assertThatThrownBy(() -> reader.readAll(e -> pause()))
                                .hasMessageContaining("device gone"));
    }

    @Test
    void noHelperIsLeftWaitingOnInputAfterAMalformedLineStopsTheRead() throws Exception {
        byte[] first = "not json\n".getBytes(StandardCharsets.UTF_8);
        CountDownLatch never = new CountDownLatch(1);
        InputStream in =
                failingAfter(
                        first,
                        () -> {
                            never.await();
                            return -1;
                        });
        TraceReader reader = new TraceReader("t.jsonl", in, false, true, first.length, true);
        // Only this read's helper counts, not one another reader may have running.
        Set<Thread> before = helpers();

        assertThatThrownBy(() -> reader.readAll(e -> {})).isInstanceOf(TraceFormatException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!newHelpers(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        boolean alive = !newHelpers(before).isEmpty();
        never.countDown();
        assertThat(alive).as("a decoding helper still runs").isFalse();
    }

    private static Set<Thread> helpers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pudwatch-decode") && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static Set<Thread> newHelpers(Set<Thread> before) {
        Set<Thread> now = helpers();
        now.removeAll(before);
        return now;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void skipInvalidNamesTheFirstProblemsAlikeOnOneThreadOrTwo() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("garbage").append(i).append('\n').append(SPLIT).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        TraceReader one =
                new TraceReader("t", new ByteArrayInputStream(bytes), true, true, 1 << 20, false);
        one.readAll(e -> {});
        TraceReader two =
                new TraceReader("t", new ByteArrayInputStream(bytes), true, true, 64, true);
        two.readAll(e -> {});

        assertThat(one.stats().invalidReasons()).hasSize(33).containsEntry("other problems", 168L);
        assertThat(two.stats().invalidReasons()).isEqualTo(one.stats().invalidReasons());
        assertThat(two.stats().firstInvalid()).startsWith("t:1: bad JSON");
    }

    @Test
    void skipInvalidCountsMalformedLinesByReasonAndKeepsTheRest() throws Exception {
        TraceReader reader =
                read(
                        SPLIT + "\nnot json\n{\"ts\":1,\"type\":\"lost\",\"count\":0}\n" + SPLIT,
                        true);

        assertThat(events).hasSize(2);
        assertThat(reader.stats().invalidLines()).isEqualTo(2);
        assertThat(reader.stats().firstInvalid()).startsWith("t.jsonl:2: bad JSON");
        assertThat(reader.stats().invalidReasons()).hasSize(2);
    }

    @Test
    void badValueOfAnUnknownTypeIsNoError() throws Exception {
        TraceReader reader = read("{\"ts\":1,\"type\":\"future\",\"mm\":17}", false);

        assertThat(reader.stats().unknownTypeLines()).isEqualTo(1);
    }

    @Test
    void writerOutputReadsBackUnchanged() throws Exception {
        read(
                SPLIT
                        + "\n{\"ts\":9,\"type\":\"pud_install\",\"pid\":1,\"tid\":3,"
                        + "\"mm\":\"0x1\",\"pudp\":\"0x2\",\"addr\":\"0x3\","
                        + "\"source\":\"vfio_pci\",\"pfn\":\"0x44\"}"
                        + "\n{\"ts\":10,\"type\":\"kernel_fault\",\"pid\":1,\"tid\":2,"
                        + "\"addr\":\"0x9\",\"ip\":\"0xffffffff81000000\"}"
                        + "\n{\"ts\":11,\"type\":\"lost\",\"count\":4}",
                false);
        List<TraceEvent> first = new ArrayList<>(events);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(out, Map.of("host", "h"))) {
            first.forEach(writer::accept);
        }
        events.clear();

        read(out.toString(StandardCharsets.UTF_8), false);

        assertThat(events).usingRecursiveFieldByFieldElementComparator().isEqualTo(first);
    }
}
