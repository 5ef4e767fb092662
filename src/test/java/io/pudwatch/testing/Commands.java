package io.pudwatch.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an outside program for a test, bounded in time, and keeps what it printed. */
public final class Commands {
    private Commands() {}

    /** What a finished program left: its exit status and its two output streams. */
    public record Result(int exitStatus, String stdout, String stderr) {
        /** Both streams, for assertion messages. */
        public String output() {
            return stdout + stderr;
        }
    }

    /** Whether {@code tool} is an executable file in a directory of {@code PATH}. */
    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(List<String> command, Duration limit) throws IOException {
        return run(command, Map.of(), null, limit);
    }

    /**
     * @param workDir the directory to run in, or null for the test's own
     * @throws IOException when the program cannot start or outlives {@code limit}
     */
    public static Result run(
            List<String> command, Map<String, String> env, Path workDir, Duration limit)
            throws IOException {
        Path out = Files.createTempFile("pudwatch-test-", ".out");
        Path err = Files.createTempFile("pudwatch-test-", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        String.join(" ", command) + " did not finish within " + limit);
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
