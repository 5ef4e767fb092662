package io.pudwatch.bcc;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * A BPF map of fixed key and value sizes, read and written through byte arrays. For a per-CPU map,
 * pass the value size of all possible CPUs together (each value rounded up to 8 bytes).
 */
public final class BpfMap {
    private final String name;
    private final int fd;
    private final Memory key;
    private final Memory nextKey;
    private final Memory value;

    BpfMap(String name, int fd, int keySize, int valueSize) {
        this.name = name;
        this.fd = fd;
        this.key = new Memory(keySize);
        this.nextKey = new Memory(keySize);
        this.value = new Memory(valueSize);
    }

    public String name() {
        return name;
    }

    /** The map's fd, owned by the module. */
    public int fd() {
        return fd;
    }

    /** Copies the value of {@code keyBytes} into {@code out}; false when the key is absent. */
    public boolean lookup(byte[] keyBytes, byte[] out) {
        key.write(0, keyBytes, 0, keyBytes.length);
        if (LibBcc.Holder.INSTANCE.bpf_lookup_elem(fd, key, value) != 0) {
            return false;
        }
        value.read(0, out, 0, out.length);
        return true;
    }

    /** Writes a value (flags 0: create or replace). */
    public void update(byte[] keyBytes, byte[] valueBytes) throws BpfException {
        key.write(0, keyBytes, 0, keyBytes.length);
        value.write(0, valueBytes, 0, valueBytes.length);
        int rc = LibBcc.Holder.INSTANCE.bpf_update_elem(fd, key, value, 0);
        if (rc != 0) {
            throw new BpfException(
                    "Could not update map " + name, Errno.of(rc, Native.getLastError()), null);
        }
    }

    /** Removes a key; false when it was absent. */
    public boolean delete(byte[] keyBytes) {
        key.write(0, keyBytes, 0, keyBytes.length);
        return LibBcc.Holder.INSTANCE.bpf_delete_elem(fd, key) == 0;
    }

    /**
     * Writes the key after {@code keyBytes} (or the first key when {@code keyBytes} is null) into
     * {@code out}; false at the end of the map.
     */
    public boolean nextKey(byte[] keyBytes, byte[] out) {
        com.sun.jna.Pointer current = null;
        if (keyBytes != null) {
            key.write(0, keyBytes, 0, keyBytes.length);
            current = key;
        }
        if (LibBcc.Holder.INSTANCE.bpf_get_next_key(fd, current, nextKey) != 0) {
            return false;
        }
        nextKey.read(0, out, 0, out.length);
        return true;
    }
}
