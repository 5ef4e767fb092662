package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordDecoderTest {
    private static final long MM = 0xffff888012345600L;
    private static final long PUDP = 0xffff888000abc008L;
    private static final long ADDR = 0x7f0040000000L;
    private static final long NUMA_MAPS_FN = 0xffffffff8179b440L;

    /** A record as pw_event lays it out, at offset 8 of a larger buffer. */
    static ByteBuffer record(int type, int flags, long aux) {
        ByteBuffer b = ByteBuffer.allocate(8 + 72).order(ByteOrder.LITTLE_ENDIAN);
        b.put(8, (byte) type).put(9, (byte) flags).putShort(10, (short) 1);
        b.putInt(12, 4242).putInt(16, 4243).putLong(24, 1_000_000_123L);
        b.putLong(32, MM).putLong(40, PUDP).putLong(48, ADDR).putLong(56, aux);
        b.put(64, "numastat".getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(
                        EventType.WALK_START,
                        1,
                        NUMA_MAPS_FN,
                        (Consumer<TraceEvent>) e -> assertThat(e.walker).isEqualTo("numa_maps")),
                Arguments.of(
                        EventType.WALK_END,
                        0,
                        0L,
                        (Consumer<TraceEvent>) e -> assertThat(e.mm).isEqualTo(MM)),
                Arguments.of(
                        EventType.PUD_SPLIT,
                        0,
                        0L,
                        (Consumer<TraceEvent>)
                                e -> {
                                    assertThat(e.pudp).isEqualTo(PUDP);
                                    assertThat(e.addr).isEqualTo(ADDR);
                                }),
                Arguments.of(
                        EventType.PUD_INSTALL,
                        1,
                        1L,
                        (Consumer<TraceEvent>) e -> assertThat(e.source).isEqualTo("vfio_pci")),
                Arguments.of(
                        EventType.PUD_INSTALL,
                        1,
                        2L,
                        (Consumer<TraceEvent>) e -> assertThat(e.source).isEqualTo("nvgrace_gpu")),
                Arguments.of(
                        EventType.PUD_INSTALL,
                        0,
                        0L,
                        (Consumer<TraceEvent>) e -> assertThat(e.source).isNull()),
                Arguments.of(
                        EventType.PMD_ENTRY,
                        0,
                        0L,
                        (Consumer<TraceEvent>) e -> assertThat(e.addr).isEqualTo(ADDR)),
                Arguments.of(
                        EventType.KERNEL_FAULT,
                        1,
                        0xffffffff81617a00L,
                        (Consumer<TraceEvent>)
                                e -> {
                                    assertThat(e.hasIp).isTrue();
                                    assertThat(e.ip).isEqualTo(0xffffffff81617a00L);
                                }),
                Arguments.of(
                        EventType.MM_EXIT,
                        0,
                        0L,
                        (Consumer<TraceEvent>) e -> assertThat(e.walker).isNull()));
    }

    @ParameterizedTest(name = "{0} with flags {1}")
    @MethodSource("records")
    void everyRecordTypeDecodesIntoItsTraceFields(
            EventType type, int flags, long aux, Consumer<TraceEvent> check) {
        RecordDecoder decoder =
                new RecordDecoder(address -> address == NUMA_MAPS_FN ? "numa_maps" : null);
        TraceEvent event = new TraceEvent();

        boolean decoded = decoder.decode(record(type.code(), flags, aux), 8, 72, event);

        assertThat(decoded).isTrue();
        assertThat(event.type).isEqualTo(type);
        assertThat(event.pid).isEqualTo(4242);
        assertThat(event.tid).isEqualTo(4243);
        assertThat(event.cpu).isEqualTo(1);
        assertThat(event.ts).isEqualTo(1_000_000_123L);
        assertThat(event.comm).isEqualTo("numastat");
        check.accept(event);
    }

    @ParameterizedTest(name = "type code {0}")
    @MethodSource("badTypes")
    void recordsOfUnknownTypeOrTheUserSpaceOnlyLostTypeAreRefused(int code) {
        RecordDecoder decoder = new RecordDecoder(null);

        assertThat(decoder.decode(record(code, 0, 0), 8, 72, new TraceEvent())).isFalse();
        assertThat(decoder.malformed()).isEqualTo(1);
    }

    static Stream<Integer> badTypes() {
        return Stream.of(0, EventType.LOST.code(), 15, 200);
    }

    @ParameterizedTest(name = "length {0}")
    @MethodSource("shortLengths")
    void shortRecordsAreRefused(int length) {
        RecordDecoder decoder = new RecordDecoder(null);

        assertThat(decoder.decode(record(3, 0, 0), 8, length, new TraceEvent())).isFalse();
    }

    static Stream<Integer> shortLengths() {
        return Stream.of(0, 8, 71);
    }
}
