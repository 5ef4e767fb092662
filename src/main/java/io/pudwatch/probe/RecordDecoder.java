package io.pudwatch.probe;

import io.pudwatch.event.EventType;
import io.pudwatch.event.FaultSource;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongFunction;

/**
 * Decodes the fixed-layout records of {@code bpf/pudwatch.bpf.c} (struct pw_event) into a reused
 * {@link TraceEvent}. Allocates nothing once comm names and walkers have been seen.
 *
 * <pre>
 *  0 u8 type   1 u8 flags (bit 0: aux set)   2 u16 cpu   4 u32 pid   8 u32 tid   12 reserved
 * 16 u64 ts   24 u64 mm   32 u64 pudp   40 u64 addr   48 u64 aux   56 char comm[16]
 * </pre>
 */
public final class RecordDecoder {
    /** The size of one record; shorter records are refused. */
    public static final int RECORD_SIZE = 72;

    static final int FLAG_AUX = 1;

    // Field offsets and sizes of struct pw_event; RecordLayoutTest holds them to the C file.
    static final int TYPE = 0;
    static final int FLAGS = 1;
    static final int CPU = 2;
    static final int PID = 4;
    static final int TID = 8;
    static final int TS = 16;
    static final int MM = 24;
    static final int PUDP = 32;
    static final int ADDR = 40;
    static final int AUX = 48;
    static final int COMM = 56;
    static final int COMM_SIZE = 16;

    private final StringPool pool = new StringPool();
    private final LongFunction<String> walkerNames;
    private final byte[] comm = new byte[COMM_SIZE];
    private long malformed;

    /**
     * @param walkerNames names a walker from its pmd_entry callback address, or null
     */
    public RecordDecoder(LongFunction<String> walkerNames) {
        this.walkerNames = walkerNames;
    }

    /**
     * Fills {@code out} from the record at {@code offset}.
     *
     * @return false (and counts it) when the record is too short or of an unknown type
     */
    public boolean decode(ByteBuffer buf, int offset, int length, TraceEvent out) {
        if (length < RECORD_SIZE) {
            malformed++;
            return false;
        }
        ByteBuffer b =
                buf.order() == ByteOrder.LITTLE_ENDIAN
                        ? buf
                        : buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        EventType type = EventType.ofCode(b.get(offset + TYPE) & 0xff);
        if (type == null || type == EventType.LOST) {
            malformed++;
            return false;
        }
        int flags = b.get(offset + FLAGS) & 0xff;
        long aux = b.getLong(offset + AUX);
        boolean hasAux = (flags & FLAG_AUX) != 0;

        out.clear();
        out.type = type;
        out.cpu = b.getShort(offset + CPU) & 0xffff;
        out.pid = b.getInt(offset + PID) & 0xffffffffL;
        out.tid = b.getInt(offset + TID) & 0xffffffffL;
        out.ts = b.getLong(offset + TS);
        out.mm = b.getLong(offset + MM);
        out.pudp = b.getLong(offset + PUDP);
        out.addr = b.getLong(offset + ADDR);
        b.get(offset + COMM, comm, 0, COMM_SIZE);
        out.comm = pool.internNulTerminated(comm, 0, COMM_SIZE);

        switch (type) {
            case WALK_START -> out.walker = hasAux ? walkerName(aux) : null;
            case PUD_INSTALL -> out.source = hasAux ? sourceName(aux) : null;
            case KERNEL_FAULT -> {
                out.ip = aux;
                out.hasIp = hasAux;
                out.mm = 0;
            }
            default -> {}
        }
        return true;
    }

    private String walkerName(long address) {
        return walkerNames == null ? null : walkerNames.apply(address);
    }

    /** The installer's fault handler, from the codes of the BPF program's fault marks. */
    static String sourceName(long code) {
        FaultSource source = FaultSource.ofCode(code);
        return source == null ? null : source.wireName();
    }

    /** Records refused as too short or of an unknown type. */
    public long malformed() {
        return malformed;
    }
}
