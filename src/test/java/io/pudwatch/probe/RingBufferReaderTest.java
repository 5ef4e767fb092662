package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader over heap buffers laid out like the kernel's mapping of a BPF ring buffer. */
class RingBufferReaderTest {
    private static final int PAGE = 4096;
    private static final int SIZE = 4096;

    private final ByteBuffer consumerPage =
            ByteBuffer.allocate(PAGE).order(ByteOrder.nativeOrder());
    private final ByteBuffer producerAndData =
            ByteBuffer.allocate(PAGE + 2 * SIZE).order(ByteOrder.nativeOrder());
    private final RingBufferReader reader =
            new RingBufferReader(consumerPage, producerAndData, PAGE, SIZE);
    private final List<String> seen = new ArrayList<>();
    private long producer;

    /** Writes a byte where the kernel's double mapping would show it: both copies. */
    private void putByte(long position, byte value) {
        int at = (int) (position & (SIZE - 1));
        producerAndData.put(PAGE + at, value);
        producerAndData.put(PAGE + SIZE + at, value);
    }

    /** Commits a record with {@code payload} (and header bits) at the producer position. */
    private long commit(String payload, int headerBits) {
        long start = producer;
        byte[] bytes = payload.getBytes();
        int header = bytes.length | headerBits;
        for (int i = 0; i < 4; i++) {
            putByte(start + i, (byte) (header >>> (8 * i)));
        }
        for (int i = 0; i < bytes.length; i++) {
            putByte(start + 8 + i, bytes[i]);
        }
        producer += (8 + bytes.length + 7) & ~7L;
        producerAndData.putLong(0, producer);
        return start;
    }

    private int drain(int max) {
        return reader.drain(
                (data, offset, length) -> {
                    byte[] out = new byte[length];
                    data.get(offset, out);
                    seen.add(new String(out));
                },
                max);
    }

    private long consumerPosition() {
        return consumerPage.getLong(0);
    }

    @Test
    void committedRecordsAreHandedOverInOrderAndTheirSpaceReleased() {
        commit("one", 0);
        commit("twotwotwo", 0);

        assertThat(drain(100)).isEqualTo(2);

        assertThat(seen).containsExactly("one", "twotwotwo");
        assertThat(consumerPosition()).isEqualTo(16 + 24).isEqualTo(producer);
    }

    @Test
    void aBusyRecordStopsTheBatchUntilTheProducerCommitsIt() {
        commit("first", 0);
        long busy = commit("second", RingBufferReader.BUSY_BIT);

        assertThat(drain(100)).isEqualTo(1);
        assertThat(consumerPosition()).isEqualTo(busy);

        putByte(busy + 3, (byte) 0); // the producer clears the busy bit on commit
        assertThat(drain(100)).isEqualTo(1);
        assertThat(seen).containsExactly("first", "second");
    }

    @Test
    void discardedRecordsAreSkippedButTheirSpaceIsReleased() {
        commit("dropped", RingBufferReader.DISCARD_BIT);
        commit("kept", 0);

        assertThat(drain(100)).isEqualTo(1);

        assertThat(seen).containsExactly("kept");
        assertThat(reader.discarded()).isEqualTo(1);
        assertThat(consumerPosition()).isEqualTo(producer);
    }

    @Test
    void aRecordThatWrapsAroundTheEndIsReadWholeThroughTheSecondMapping() {
        producer = SIZE - 16;
        consumerPage.putLong(0, producer);
        commit("wraps-around-the-end", 0);

        drain(100);

        assertThat(seen).containsExactly("wraps-around-the-end");
        assertThat(consumerPosition()).isEqualTo(SIZE - 16 + 32);
    }

    @Test
    void recordsAreEightByteAlignedWhateverTheirLength() {
        for (int length = 1; length <= 9; length++) {
            commit("x".repeat(length), 0);
        }

        assertThat(drain(100)).isEqualTo(9);

        assertThat(seen.get(8)).isEqualTo("xxxxxxxxx");
        assertThat(consumerPosition() % 8).isZero();
    }

    @Test
    void aBatchStopsAtItsLimitAndTheNextOneGoesOn() {
        for (int i = 0; i < 5; i++) {
            commit("r" + i, 0);
        }

        assertThat(drain(3)).isEqualTo(3);
        assertThat(reader.hasPending()).isTrue();
        assertThat(drain(3)).isEqualTo(2);

        assertThat(seen).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(reader.hasPending()).isFalse();
    }

    @Test
    void anEmptyRingLeavesTheConsumerPositionAlone() {
        assertThat(drain(100)).isZero();
        assertThat(consumerPosition()).isZero();
    }
}
