package io.pudwatch.bcc;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A BPF ring buffer map ({@code BPF_MAP_TYPE_RINGBUF}, 5.8+) mapped into this process the way the
 * kernel lays it out: one read-write page holding the consumer position, then, read-only, one page
 * holding the producer position followed by the data area mapped twice in a row, so that a record
 * that wraps around the end can be read in one piece.
 *
 * <p>Records are read straight from the mapping, with no call into native code per record; only the
 * wait for data ({@code epoll_wait} on the map fd) is a native call, once per batch.
 */
public final class RingBufferMapping implements AutoCloseable {
    private final long pageSize;
    private final long dataSize;
    private Pointer consumer;
    private Pointer producer;
    private int epollFd = -1;
    private final Memory events = new Memory(12); // one packed struct epoll_event on x86_64
    private final ByteBuffer consumerPage;
    private final ByteBuffer producerAndData;

    private RingBufferMapping(long pageSize, long dataSize, Pointer consumer, Pointer producer) {
        this.pageSize = pageSize;
        this.dataSize = dataSize;
        this.consumer = consumer;
        this.producer = producer;
        this.consumerPage = consumer.getByteBuffer(0, pageSize).order(ByteOrder.nativeOrder());
        this.producerAndData =
                producer.getByteBuffer(0, pageSize + 2 * dataSize)
                        .asReadOnlyBuffer()
                        .order(ByteOrder.nativeOrder());
    }

    /**
     * Maps the ring buffer of map {@code fd} whose data area is {@code pages} pages (a power of
     * two, as the kernel requires; bcc's BPF_RINGBUF_OUTPUT counts in pages too), and registers the
     * fd with epoll. Partial setup is undone on failure.
     */
    public static RingBufferMapping map(int fd, int pages) throws BpfException {
        if (Integer.bitCount(pages) != 1) {
            throw new IllegalArgumentException(
                    "A ring buffer has a power of two pages, not " + pages + ".");
        }
        LibC libc = LibC.INSTANCE;
        long page = libc.sysconf(LibC._SC_PAGESIZE);
        long dataSize = page * pages;
        Pointer consumer =
                libc.mmap(null, page, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        if (LibC.MAP_FAILED.equals(consumer) || consumer == null) {
            throw new BpfException(
                    "Could not map the ring buffer's consumer page", Native.getLastError(), null);
        }
        Pointer producer =
                libc.mmap(null, page + 2 * dataSize, LibC.PROT_READ, LibC.MAP_SHARED, fd, page);
        if (LibC.MAP_FAILED.equals(producer) || producer == null) {
            int errno = Native.getLastError();
            libc.munmap(consumer, page);
            throw new BpfException(
                    "Could not map the ring buffer's data area",
                    errno,
                    "check the map size matches " + dataSize + " bytes");
        }
        RingBufferMapping mapping = new RingBufferMapping(page, dataSize, consumer, producer);
        try {
            mapping.registerEpoll(fd);
        } catch (BpfException e) {
            mapping.close();
            throw e;
        }
        return mapping;
    }

    private void registerEpoll(int fd) throws BpfException {
        epollFd = LibC.INSTANCE.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epollFd < 0) {
            throw new BpfException("epoll_create1 failed", Native.getLastError(), null);
        }
        Memory event = new Memory(12);
        event.setInt(0, LibC.EPOLLIN);
        event.setLong(4, 0);
        if (LibC.INSTANCE.epoll_ctl(epollFd, LibC.EPOLL_CTL_ADD, fd, event) != 0) {
            throw new BpfException(
                    "Could not watch the ring buffer fd with epoll", Native.getLastError(), null);
        }
    }

    /** The read-write page whose first 8 bytes are the consumer position. */
    public ByteBuffer consumerPage() {
        return consumerPage;
    }

    /**
     * The read-only producer page (position in its first 8 bytes) followed, at {@link
     * #dataOffset()}, by the data area twice.
     */
    public ByteBuffer producerAndData() {
        return producerAndData;
    }

    /** Where the data area starts in {@link #producerAndData()}: one page in. */
    public int dataOffset() {
        return (int) pageSize;
    }

    public long dataSize() {
        return dataSize;
    }

    /**
     * Waits until the kernel has data for the consumer or {@code timeoutMs} passes.
     *
     * @return true when data is ready, false on timeout or an interrupted wait
     */
    public boolean awaitData(int timeoutMs) {
        if (epollFd < 0) {
            throw new IllegalStateException("The ring buffer mapping is closed.");
        }
        return LibC.INSTANCE.epoll_wait(epollFd, events, 1, timeoutMs) > 0;
    }

    /** Unmaps and closes the epoll fd; the ByteBuffers must not be used afterwards. */
    @Override
    public void close() {
        if (epollFd >= 0) {
            LibC.INSTANCE.close(epollFd);
            epollFd = -1;
        }
        if (producer != null) {
            LibC.INSTANCE.munmap(producer, pageSize + 2 * dataSize);
            producer = null;
        }
        if (consumer != null) {
            LibC.INSTANCE.munmap(consumer, pageSize);
            consumer = null;
        }
    }
}
