package io.pudwatch.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.TraceEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte-level fast path and Jackson must agree on every line: the same event, or the same error.
 * Lines are built from fields that are mostly right and sometimes subtly wrong.
 */
class FastPathEquivalenceTest {
    @Property(tries = 3000)
    void fastPathAndJacksonDecodeEveryLineTheSame(@ForAll("lines") String text) {
        assertThat(decode(text, true)).as("decoding:%n%s", text).isEqualTo(decode(text, false));
    }

    private static String decode(String text, boolean fastPath) {
        List<TraceEvent> events = new ArrayList<>();
        TraceReader reader =
                new TraceReader(
                        "p",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        false,
                        fastPath);
        try {
            reader.readAll(e -> events.add(new TraceEvent().copyFrom(e)));
        } catch (Exception e) {
            return "error: " + e.getMessage();
        }
        StringBuilder out = new StringBuilder();
        for (TraceEvent e : events) {
            out.append(e.type).append(' ').append(e.ts).append(' ').append(e.pid).append(' ');
            out.append(e.tid).append(' ').append(e.cpu).append(' ').append(e.comm).append(' ');
            out.append(e.mm).append(' ').append(e.pudp).append(' ').append(e.addr).append(' ');
            out.append(e.ip).append(e.hasIp).append(' ').append(e.pfn).append(e.hasPfn);
            out.append(' ').append(e.count).append(' ').append(e.walker).append(' ');
            out.append(e.source).append('\n');
        }
        return out + "unknown fields " + reader.stats().unknownFields();
    }

    /** A few lines, since the fast path finds each line's end itself. */
    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.randomValue(
                r -> {
                    StringBuilder text = new StringBuilder();
                    int lines = 1 + r.nextInt(4);
                    for (int i = 0; i < lines; i++) {
                        if (i > 0) {
                            text.append(List.of("\n", "\r\n", "\n\n", "\n \t\n").get(r.nextInt(4)));
                        }
                        text.append(line(r));
                    }
                    if (r.nextBoolean()) {
                        text.append(r.nextBoolean() ? "\n" : "\r\n");
                    }
                    return text.toString();
                });
    }

    private static final String[] TYPES = {
        "walk_start",
        "walk_end",
        "pud_split",
        "pud_install",
        "pmd_entry",
        "kernel_fault",
        "mm_exit",
        "lost"
    };
    private static final String[] ODD_INTEGERS = {
        "-1",
        "0",
        "01",
        "1.5",
        "1e3",
        "9223372036854775807",
        "99999999999999999999",
        "\"7\"",
        "null",
        "true"
    };
    private static final String[] ODD_HEXES = {
        "\"0x\"",
        "\"0xFFFF\"",
        "\"0x00000000000000000001\"",
        "\"12\"",
        "\"0xg1\"",
        "17",
        "null",
        "\"0x0\"",
        "\"0xffffffffffffffff\"",
        "\"0x1ffffffffffffffff\"",
        "\"0x12\\n\""
    };
    private static final String[] ODD_STRINGS = {
        "\"x\\\"y\"", "\"caf\u00e9\"", "\"\"", "1", "null", "\"a\\u0041\"", "[\"a\"]"
    };
    private static final String[] ODD_TYPES = {"\"future\"", "\"PUD_SPLIT\"", "3", "null"};

    /** A valid event line of a random type, then, often, one thing about it made odd. */
    private static String line(Random r) {
        String type = TYPES[r.nextInt(TYPES.length)];
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ts", String.valueOf(r.nextInt(10_000)));
        fields.put("type", "\"" + type + "\"");
        if (!type.equals("lost")) {
            fields.put("pid", String.valueOf(r.nextInt(10)));
            fields.put("tid", String.valueOf(r.nextInt(10)));
        }
        for (String name : List.of("mm", "pudp", "addr", "ip", "pfn")) {
            if (r.nextInt(3) > 0) {
                fields.put(name, "\"0x" + Long.toHexString(r.nextLong() >>> r.nextInt(64)) + "\"");
            }
        }
        for (String name : List.of("comm", "walker", "source")) {
            if (r.nextBoolean()) {
                fields.put(
                        name,
                        "\"" + List.of("cat", "numa_maps", "vfio_pci").get(r.nextInt(3)) + "\"");
            }
        }
        if (r.nextBoolean()) {
            fields.put("cpu", String.valueOf(r.nextInt(64)));
        }
        fields.put("count", String.valueOf(r.nextInt(3)));

        List<String> names = new ArrayList<>(fields.keySet());
        switch (r.nextInt(8)) {
            case 0 -> fields.remove(names.get(r.nextInt(names.size())));
            case 1 ->
                    fields.put("extra", List.of("1", "[1]", "{\"a\":2}", "null").get(r.nextInt(4)));
            case 2, 3 -> {
                String name = names.get(r.nextInt(names.size()));
                fields.put(name, odd(name, r));
            }
            default -> {}
        }
        List<String> parts = new ArrayList<>();
        String colon = List.of(":", ":", ": ", " :\t").get(r.nextInt(4));
        fields.forEach((k, v) -> parts.add("\"" + k + "\"" + colon + v));
        if (r.nextInt(4) == 0) {
            Collections.shuffle(parts, r);
        }
        if (r.nextInt(20) == 0 && !parts.isEmpty()) {
            parts.add(parts.get(0));
        }
        String sep = List.of(",", ", ", " ,", ",\t").get(r.nextInt(4));
        String pad = List.of("", "", "", " ", "\t", "\r").get(r.nextInt(6));
        String after =
                r.nextInt(12) == 0 ? List.of("x", "}", ",", "{}", "\"\"").get(r.nextInt(5)) : "";
        return pad + "{" + String.join(sep, parts) + "}" + pad + after;
    }

    private static String odd(String name, Random r) {
        String[] choices =
                switch (name) {
                    case "type" -> ODD_TYPES;
                    case "comm", "walker", "source" -> ODD_STRINGS;
                    case "mm", "pudp", "addr", "ip", "pfn" -> ODD_HEXES;
                    default -> ODD_INTEGERS;
                };
        return choices[r.nextInt(choices.length)];
    }
}
