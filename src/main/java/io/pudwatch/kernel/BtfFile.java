package io.pudwatch.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The type information of a kernel (BTF, {@code /sys/kernel/btf/vmlinux}), read directly: a header,
 * a section of type records and a section of NUL-terminated names.
 *
 * <p>Only what pudwatch asks is kept: byte offsets of struct members (looking through anonymous
 * structs and unions, as {@code vm_fault.address} needs since 5.10) and the names of functions. The
 * layout is that of {@code include/uapi/linux/btf.h}, stable since 5.1 with kinds added at the end
 * (float 5.13, decl/type tags 5.16/5.17, enum64 6.0).
 */
public final class BtfFile {
    /** The running kernel's own BTF. */
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private static final int MAGIC = 0xeB9F;
    private static final int STRUCT = 4;
    private static final int UNION = 5;
    private static final int FUNC = 12;

    private final ByteBuffer buf;
    private final int strStart;
    private final int strLen;
    private int[] kinds = new int[1];
    private int[] vlens = new int[1];
    private int[] sizeOrType = new int[1];
    private int[] nameOffs = new int[1];
    private int[] kflags = new int[1];
    private int[] dataAt = new int[1];
    private int count;
    private final Map<String, Integer> structs = new HashMap<>();
    private final Map<String, Integer> functions = new HashMap<>();

    private BtfFile(ByteBuffer buf) {
        this.buf = buf;
        int magic = buf.getShort(0) & 0xffff;
        if (magic != MAGIC) {
            buf.order(
                    buf.order() == ByteOrder.LITTLE_ENDIAN
                            ? ByteOrder.BIG_ENDIAN
                            : ByteOrder.LITTLE_ENDIAN);
            if ((buf.getShort(0) & 0xffff) != MAGIC) {
                throw new IllegalArgumentException("Not BTF data: the magic number is missing.");
            }
        }
        int hdrLen = buf.getInt(4);
        int typeOff = buf.getInt(8);
        int typeLen = buf.getInt(12);
        strStart = hdrLen + buf.getInt(16);
        strLen = buf.getInt(20);
        if (strStart + strLen > buf.limit() || hdrLen + typeOff + typeLen > buf.limit()) {
            throw new IllegalArgumentException("BTF data is truncated: sections pass its end.");
        }
        parseTypes(hdrLen + typeOff, hdrLen + typeOff + typeLen);
    }

    /** Reads and indexes a BTF file. */
    public static BtfFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static BtfFile parse(byte[] bytes) {
        return new BtfFile(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    private void parseTypes(int at, int end) {
        int id = 1;
        while (at < end) {
            grow(id);
            int nameOff = buf.getInt(at);
            int info = buf.getInt(at + 4);
            int kind = (info >>> 24) & 0x1f;
            int vlen = info & 0xffff;
            nameOffs[id] = nameOff;
            kinds[id] = kind;
            vlens[id] = vlen;
            kflags[id] = info >>> 31;
            sizeOrType[id] = buf.getInt(at + 8);
            dataAt[id] = at + 12;
            at += 12 + trailingBytes(kind, vlen);
            if ((kind == STRUCT || kind == UNION) && nameOff != 0) {
                structs.putIfAbsent(string(nameOff), id);
            } else if (kind == FUNC) {
                functions.putIfAbsent(string(nameOff), id);
            }
            id++;
        }
        count = id - 1;
    }

    private static int trailingBytes(int kind, int vlen) {
        return switch (kind) {
            case 1, 14, 17 -> 4; // int encoding, var linkage, decl tag component
            case 3 -> 12; // array
            case STRUCT, UNION, 15, 19 -> 12 * vlen; // members, datasec vars, enum64 values
            case 6, 13 -> 8 * vlen; // enum values, function prototype parameters
            case 2, 7, 8, 9, 10, 11, FUNC, 16, 18 -> 0;
            default ->
                    throw new IllegalArgumentException(
                            "BTF type kind "
                                    + kind
                                    + " is newer than this reader; update pudwatch.");
        };
    }

    private void grow(int id) {
        if (id < kinds.length) {
            return;
        }
        int n = Math.max(id + 1, kinds.length * 2);
        kinds = java.util.Arrays.copyOf(kinds, n);
        vlens = java.util.Arrays.copyOf(vlens, n);
        sizeOrType = java.util.Arrays.copyOf(sizeOrType, n);
        nameOffs = java.util.Arrays.copyOf(nameOffs, n);
        kflags = java.util.Arrays.copyOf(kflags, n);
        dataAt = java.util.Arrays.copyOf(dataAt, n);
    }

    private String string(int off) {
        int start = strStart + off;
        int end = start;
        while (end < strStart + strLen && buf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buf.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** How many types the file describes. */
    public int typeCount() {
        return count;
    }

    /** Whether the kernel describes a function of this exact name (what fentry attaches to). */
    public boolean hasFunction(String name) {
        return functions.containsKey(name);
    }

    /** The type id of function {@code name} (what fentry's attach_btf_id names), or -1. */
    public int functionId(String name) {
        return functions.getOrDefault(name, -1);
    }

    /**
     * The byte offset of {@code member} in {@code struct}, found also inside anonymous members, or
     * -1 when the struct or the member is absent.
     */
    public long memberOffset(String struct, String member) {
        Integer id = structs.get(struct);
        return id == null ? -1 : memberOffset(id, member, 0);
    }

    private long memberOffset(int id, String member, int depth) {
        if (depth > 8) {
            return -1;
        }
        for (int i = 0; i < vlens[id]; i++) {
            int m = dataAt[id] + 12 * i;
            int nameOff = buf.getInt(m);
            int type = buf.getInt(m + 4);
            int rawOffset = buf.getInt(m + 8);
            long bits = kflags[id] == 1 ? rawOffset & 0xffffff : rawOffset & 0xffffffffL;
            if (nameOff != 0) {
                if (string(nameOff).equals(member)) {
                    return bits / 8;
                }
                continue;
            }
            int inner = skipModifiers(type);
            if (inner > 0 && (kinds[inner] == STRUCT || kinds[inner] == UNION)) {
                long found = memberOffset(inner, member, depth + 1);
                if (found >= 0) {
                    return bits / 8 + found;
                }
            }
        }
        return -1;
    }

    // typedef 8, volatile 9, const 10, restrict 11, type tag 18 all point at another type.
    private int skipModifiers(int type) {
        int t = type;
        for (int i = 0; i < 16 && t > 0 && t <= count; i++) {
            int kind = kinds[t];
            if (kind != 8 && kind != 9 && kind != 10 && kind != 11 && kind != 18) {
                return t;
            }
            t = sizeOrType[t];
        }
        return -1;
    }
}
