package io.pudwatch.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The kernel symbols of interest, read from {@code /proc/kallsyms}.
 *
 * <p>Static functions that gcc specialised carry suffixes ({@code .isra.0}, {@code .constprop.0},
 * {@code .part.0}), so a function is matched by its name followed by nothing or by a dot; {@code
 * .cold} parts are split-off unlikely paths, never a function entry. Only the symbols starting with
 * one of the asked names are kept: the file has some 200,000 lines.
 */
public final class Kallsyms {
    /** Where the running kernel lists its symbols. */
    public static final Path PROC_KALLSYMS = Path.of("/proc/kallsyms");

    /** One symbol line: address (0 when kptr_restrict hides it), type letter, name, module. */
    public record Symbol(String name, long address, char type, String module) {
        /** Whether this is a function in the kernel text (t or T). */
        public boolean isText() {
            return type == 't' || type == 'T';
        }
    }

    private final List<Symbol> kept;

    private Kallsyms(List<Symbol> kept) {
        this.kept = kept;
    }

    /** Reads the symbols that start with one of {@code prefixes}. */
    public static Kallsyms read(Path file, Collection<String> prefixes) throws IOException {
        List<Symbol> kept = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Symbol symbol = parse(line, prefixes);
                if (symbol != null) {
                    kept.add(symbol);
                }
            }
        }
        return new Kallsyms(List.copyOf(kept));
    }

    /** Builds a table from lines in the kallsyms format, for tests and fixtures. */
    public static Kallsyms of(List<String> lines, Collection<String> prefixes) {
        List<Symbol> kept = new ArrayList<>();
        for (String line : lines) {
            Symbol symbol = parse(line, prefixes);
            if (symbol != null) {
                kept.add(symbol);
            }
        }
        return new Kallsyms(List.copyOf(kept));
    }

    private static Symbol parse(String line, Collection<String> prefixes) {
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (b < 0 || b != a + 2) {
            return null;
        }
        int end = line.indexOf('\t', b + 1);
        String name = end < 0 ? line.substring(b + 1) : line.substring(b + 1, end);
        if (!startsWithAny(name, prefixes)) {
            return null;
        }
        String module = null;
        if (end >= 0) {
            module = line.substring(end + 1).trim();
            if (module.startsWith("[") && module.endsWith("]")) {
                module = module.substring(1, module.length() - 1);
            }
        }
        long address = Long.parseUnsignedLong(line.substring(0, a), 16);
        return new Symbol(name, address, line.charAt(a + 1), module);
    }

    private static boolean startsWithAny(String name, Collection<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text symbol that is the function {@code base}: the exact name first, else the first
     * compiler-specialised variant ({@code base.isra.N}, {@code base.constprop.N}, ...).
     */
    public Optional<Symbol> function(String base) {
        Symbol variant = null;
        for (Symbol s : kept) {
            if (!s.isText()) {
                continue;
            }
            if (s.name().equals(base)) {
                return Optional.of(s);
            }
            if (variant == null && isVariantOf(s.name(), base)) {
                variant = s;
            }
        }
        return Optional.ofNullable(variant);
    }

    /** Whether {@code name} is {@code base} with a gcc suffix, not counting {@code .cold}. */
    public static boolean isVariantOf(String name, String base) {
        return name.length() > base.length()
                && name.startsWith(base)
                && name.charAt(base.length()) == '.'
                && !name.contains(".cold");
    }

    /** Every kept symbol whose name starts with {@code prefix}, for error hints. */
    public List<Symbol> startingWith(String prefix) {
        List<Symbol> found = new ArrayList<>();
        for (Symbol s : kept) {
            if (s.name().startsWith(prefix)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The kept text symbol at exactly {@code address}, or {@code null}. */
    public String functionAt(long address) {
        if (address == 0) {
            return null;
        }
        for (Symbol s : kept) {
            if (s.address() == address && s.isText()) {
                return s.name();
            }
        }
        return null;
    }

    /** Whether every kept address reads 0: kptr_restrict hides them from this user. */
    public boolean addressesHidden() {
        for (Symbol s : kept) {
            if (s.address() != 0) {
                return false;
            }
        }
        return !kept.isEmpty();
    }

    /** A sentence for an error message: what the kernel has under {@code base}, if anything. */
    public static String hintFor(String base) {
        try {
            List<Symbol> near = read(PROC_KALLSYMS, List.of(base)).startingWith(base);
            if (near.isEmpty()) {
                return "/proc/kallsyms has no symbol starting with "
                        + base
                        + ": the function is inlined or absent on this kernel";
            }
            List<String> names = new ArrayList<>();
            for (Symbol s : near) {
                if (names.size() < 5) {
                    names.add(s.name() + (s.module() == null ? "" : " [" + s.module() + "]"));
                }
            }
            return "/proc/kallsyms has " + String.join(", ", names) + " instead";
        } catch (IOException e) {
            return "/proc/kallsyms could not be read: " + e.getMessage();
        }
    }
}
