package io.pudwatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The formatter wraps code at 100 columns but leaves long string literals alone; this holds the
 * sources, the BPF program included, to 100 columns all the same.
 */
class LineLengthTest {
    private static final int COLUMNS = 100;

    @Test
    void noSourceLineIsWiderThanOneHundredColumns() throws IOException {
        List<String> wide = new ArrayList<>();
        for (Path root : List.of(Path.of("src"), Path.of("bpf"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(LineLengthTest::isSource).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > COLUMNS) {
                            wide.add(file + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                        }
                    }
                }
            }
        }

        assertThat(wide).as("lines wider than %d columns", COLUMNS).isEmpty();
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".c");
    }
}
