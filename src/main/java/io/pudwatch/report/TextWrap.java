package io.pudwatch.report;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for terminal reports, which must read well on 80 columns. */
public final class TextWrap {
    /** The width a report is written for: a default terminal. */
    public static final int COLUMNS = 80;

    private TextWrap() {}

    /**
     * Breaks {@code text} at spaces into lines of at most {@code width} characters; the first line
     * starts with {@code first}, the others with {@code rest}. A word longer than a line (a command
     * line, a path) gets a line of its own rather than being cut.
     */
    public static List<String> wrap(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.trim().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@link #wrap} for {@link #COLUMNS}, joined with newlines. */
    public static String paragraph(String text, String first, String rest) {
        return String.join("\n", wrap(text, COLUMNS, first, rest));
    }
}
