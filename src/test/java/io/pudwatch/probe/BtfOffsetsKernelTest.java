package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.kernel.BtfFile;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The offsets read from BTF in Java agree with bpftool's dump of the same BTF. */
@Tag("kernel")
class BtfOffsetsKernelTest {
    private static final Pattern TYPE =
            Pattern.compile("^\\[(\\d+)] (\\w+) '([^']*)'(?:.*?type_id=(\\d+))?.*$");
    private static final Pattern MEMBER =
            Pattern.compile("^\\s+'([^']*)' type_id=(\\d+) bits_offset=(\\d+).*$");

    private record Member(String name, int type, long bits) {}

    private final Map<Integer, String> kinds = new HashMap<>();
    private final Map<Integer, Integer> refs = new HashMap<>();
    private final Map<Integer, java.util.List<Member>> members = new HashMap<>();
    private final Map<String, Integer> structs = new HashMap<>();

    @Test
    void everyOffsetPassedToTheProgramMatchesBpftool() throws Exception {
        KernelPrerequisites.assumeBpf();
        KernelPrerequisites.assumeBpftool();
        parse(
                KernelPrerequisites.bpftool(
                        "btf", "dump", "file", BtfFile.VMLINUX.toString(), "format", "raw"));

        Map<String, Long> ours = StructOffsets.resolve(BtfFile.read(BtfFile.VMLINUX));

        for (Map.Entry<String, String> e : StructOffsets.MEMBERS.entrySet()) {
            String[] parts = e.getValue().split("\\.");
            long expected = offset(structs.get(parts[0]), parts[1], 0);
            assertThat(expected).as("bpftool knows " + e.getValue()).isNotNegative();
            assertThat(ours.get(e.getKey())).as(e.getValue()).isEqualTo(expected);
        }
    }

    private void parse(String dump) {
        int current = -1;
        for (String line : dump.split("\n")) {
            Matcher m = MEMBER.matcher(line);
            if (m.matches() && current > 0) {
                members.computeIfAbsent(current, k -> new java.util.ArrayList<>())
                        .add(
                                new Member(
                                        m.group(1),
                                        Integer.parseInt(m.group(2)),
                                        Long.parseLong(m.group(3))));
                continue;
            }
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                current = Integer.parseInt(t.group(1));
                kinds.put(current, t.group(2));
                if (t.group(4) != null) {
                    refs.put(current, Integer.parseInt(t.group(4)));
                }
                if (t.group(2).equals("STRUCT") && !t.group(3).equals("(anon)")) {
                    structs.putIfAbsent(t.group(3), current);
                }
            }
        }
    }

    private long offset(Integer struct, String name, int depth) {
        if (struct == null || depth > 8) {
            return -1;
        }
        for (Member m : members.getOrDefault(struct, java.util.List.of())) {
            if (m.name().equals(name)) {
                return m.bits() / 8;
            }
            if (m.name().equals("(anon)")) {
                int type = m.type();
                while (refs.containsKey(type)
                        && !kinds.get(type).equals("STRUCT")
                        && !kinds.get(type).equals("UNION")) {
                    type = refs.get(type);
                }
                long inner = offset(type, name, depth + 1);
                if (inner >= 0) {
                    return m.bits() / 8 + inner;
                }
            }
        }
        return -1;
    }
}
