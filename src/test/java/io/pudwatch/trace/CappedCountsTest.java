package io.pudwatch.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CappedCountsTest {
    private static final int MAX = 4;

    @Property(tries = 500)
    void keepsTheFirstNamesAndMergesPartsIntoWhatOneTallyCounts(
            @ForAll @Size(max = 60) List<@StringLength(min = 1, max = 2) String> names,
            @ForAll @IntRange(min = 1, max = 8) int parts) {
        CappedCounts whole = tally(names);
        CappedCounts merged = new CappedCounts(MAX, "others");
        int size = (names.size() + parts - 1) / parts;
        for (int from = 0; from < names.size(); from += size) {
            merged.addAll(tally(names.subList(from, Math.min(names.size(), from + size))));
        }

        Map<String, Long> expected = reference(names);
        assertThat(whole.asMap()).isEqualTo(expected);
        assertThat(merged.asMap()).isEqualTo(expected);
        assertThat(merged.total()).isEqualTo(names.size());
    }

    private static CappedCounts tally(List<String> names) {
        CappedCounts counts = new CappedCounts(MAX, "others");
        names.forEach(name -> counts.add(name, 1));
        return counts;
    }

    /** Every name counted, then all but the first MAX in order folded into "others". */
    private static Map<String, Long> reference(List<String> names) {
        TreeMap<String, Long> all = new TreeMap<>();
        names.forEach(name -> all.merge(name, 1L, Long::sum));
        TreeMap<String, Long> kept = new TreeMap<>();
        long others = 0;
        for (Map.Entry<String, Long> e : all.entrySet()) {
            if (kept.size() < MAX) {
                kept.put(e.getKey(), e.getValue());
            } else {
                others += e.getValue();
            }
        }
        if (others > 0) {
            kept.merge("others", others, Long::sum);
        }
        return kept;
    }
}
