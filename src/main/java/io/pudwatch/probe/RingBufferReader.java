package io.pudwatch.probe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Consumes a BPF ring buffer laid out as the kernel maps it (kernel/bpf/ringbuf.c, 5.8+): the
 * consumer position in its own page, the producer position in the next, then the data area, twice
 * in a row so that a record that wraps around reads in one piece.
 *
 * <p>Each record starts with an 8-byte header: a 32-bit length whose bit 31 (BUSY) says the
 * producer has reserved but not yet committed it and bit 30 (DISCARD) that it was dropped, and a
 * 32-bit page offset the consumer ignores. Records are 8-byte aligned. Positions are read with
 * acquire and the consumer position written with release, as libbpf does; unlike libbpf, the
 * consumer position moves once per batch, not once per record.
 */
public final class RingBufferReader {
    /** Receives the payload of one committed record. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(ByteBuffer data, int offset, int length);
    }

    static final int BUSY_BIT = 1 << 31;
    static final int DISCARD_BIT = 1 << 30;
    static final int HEADER_SIZE = 8;

    private static final VarHandle LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer consumerPage;
    private final ByteBuffer data;
    private final int dataOffset;
    private final long mask;
    private long discarded;

    /**
     * @param consumerPage the writable page whose first 8 bytes are the consumer position
     * @param producerAndData the producer page (position first) followed by the data area twice
     * @param dataOffset where the data area starts in {@code producerAndData} (one page)
     * @param dataSize the data area's size, a power of two
     */
    public RingBufferReader(
            ByteBuffer consumerPage, ByteBuffer producerAndData, int dataOffset, long dataSize) {
        if (Long.bitCount(dataSize) != 1) {
            throw new IllegalArgumentException("Ring size " + dataSize + " is no power of two.");
        }
        this.consumerPage = consumerPage;
        this.data = producerAndData;
        this.dataOffset = dataOffset;
        this.mask = dataSize - 1;
    }

    /**
     * Hands every committed record, up to {@code maxRecords}, to {@code handler}, then releases
     * their space to the producer in one store.
     *
     * @return the number of records handed over (discarded ones not counted)
     */
    public int drain(RecordHandler handler, int maxRecords) {
        long consumer = (long) LONGS.getAcquire(consumerPage, 0);
        long producer = (long) LONGS.getAcquire(data, 0);
        int handed = 0;
        long start = consumer;
        while (consumer < producer && handed < maxRecords) {
            int at = dataOffset + (int) (consumer & mask);
            int header = (int) INTS.getAcquire(data, at);
            if ((header & BUSY_BIT) != 0) {
                break;
            }
            int length = header & ~(BUSY_BIT | DISCARD_BIT);
            if ((header & DISCARD_BIT) == 0) {
                handler.onRecord(data, at + HEADER_SIZE, length);
                handed++;
            } else {
                discarded++;
            }
            consumer += (length + HEADER_SIZE + 7) & ~7L;
            if (consumer >= producer) {
                producer = (long) LONGS.getAcquire(data, 0);
            }
        }
        if (consumer != start) {
            LONGS.setRelease(consumerPage, 0, consumer);
        }
        return handed;
    }

    /** Whether committed or in-flight records wait: producer ahead of consumer. */
    public boolean hasPending() {
        return (long) LONGS.getAcquire(data, 0) != (long) LONGS.getAcquire(consumerPage, 0);
    }

    /** Records the producer discarded (the program never does, but the format allows it). */
    public long discarded() {
        return discarded;
    }
}
