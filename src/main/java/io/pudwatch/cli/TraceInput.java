package io.pudwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a trace named on the command line: a file path, or {@code -} for standard input. */
final class TraceInput {
    private TraceInput() {}

    static String name(String arg) {
        return arg.equals("-") ? "stdin" : arg;
    }

    static InputStream open(String arg) throws CommandFailedException {
        if (arg.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(arg));
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(arg + ": no such file");
        } catch (IOException e) {
            throw new CommandFailedException(arg + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
