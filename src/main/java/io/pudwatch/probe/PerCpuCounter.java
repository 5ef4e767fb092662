package io.pudwatch.probe;

import io.pudwatch.bcc.BpfMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A one-slot per-CPU counter map of the BPF program, read as per-CPU deltas. */
final class PerCpuCounter {
    private final BpfMap map;
    private final long[] previous;
    private final long[] deltas;
    private final byte[] key = new byte[4];
    private final byte[] values;

    /**
     * @param map a BPF_PERCPU_ARRAY of one u64, opened with value size 8 * possible CPUs
     */
    PerCpuCounter(BpfMap map, int possibleCpus) {
        this.map = map;
        this.previous = new long[possibleCpus];
        this.deltas = new long[possibleCpus];
        this.values = new byte[8 * possibleCpus];
    }

    /** Reads the counters; returns per-CPU increases since the last read (reused array). */
    long[] deltas() {
        if (!map.lookup(key, values)) {
            java.util.Arrays.fill(deltas, 0);
            return deltas;
        }
        ByteBuffer b = ByteBuffer.wrap(values).order(ByteOrder.nativeOrder());
        for (int cpu = 0; cpu < previous.length; cpu++) {
            long now = b.getLong(8 * cpu);
            deltas[cpu] = now - previous[cpu];
            previous[cpu] = now;
        }
        return deltas;
    }

    /** Reads the counters; returns their sum over CPUs. */
    long readTotal() {
        deltas();
        long sum = 0;
        for (long v : previous) {
            sum += v;
        }
        return sum;
    }
}
