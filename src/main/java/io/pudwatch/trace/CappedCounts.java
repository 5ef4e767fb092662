package io.pudwatch.trace;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts by name for at most a fixed number of names, the alphabetically first ones, and one count
 * for all the others: a trace of garbage must not grow the reader's memory with every distinct
 * problem it has.
 *
 * <p>Keeping the first names in order rather than the first names seen makes two tallies merge into
 * exactly what one tally of both would be: a name among the first of the whole is among the first
 * of each part it occurs in. So chunks decoded on different threads add up to what one thread would
 * count.
 */
final class CappedCounts {
    private final int max;
    private final String othersName;
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private long others;

    /**
     * @param max how many names are kept
     * @param othersName the name the rest are counted under in {@link #asMap()}
     */
    CappedCounts(int max, String othersName) {
        this.max = max;
        this.othersName = othersName;
    }

    void add(String name, long n) {
        Long count = counts.get(name);
        if (count != null) {
            counts.put(name, count + n);
        } else if (counts.size() < max) {
            counts.put(name, n);
        } else if (name.compareTo(counts.lastKey()) < 0) {
            others += counts.remove(counts.lastKey());
            counts.put(name, n);
        } else {
            others += n;
        }
    }

    void addAll(CappedCounts other) {
        other.counts.forEach(this::add);
        others += other.others;
    }

    long total() {
        long sum = others;
        for (long n : counts.values()) {
            sum += n;
        }
        return sum;
    }

    void clear() {
        counts.clear();
        others = 0;
    }

    /** The counts by name, with the rest under the others' name when there are any. */
    Map<String, Long> asMap() {
        TreeMap<String, Long> view = new TreeMap<>(counts);
        if (others > 0) {
            view.merge(othersName, others, Long::sum);
        }
        return Collections.unmodifiableMap(view);
    }
}
