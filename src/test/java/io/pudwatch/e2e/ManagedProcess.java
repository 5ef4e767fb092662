package io.pudwatch.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server process started by a test, its output in a log file, stopped for sure at the end. */
final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, Path dir, List<String> command) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        return new ManagedProcess(name, process, log);
    }

    /**
     * Starts {@code pudwatch ARGS} in a JVM of its own, on the class path the tests run with, so
     * that it can be stopped by signal like the installed agent.
     */
    static ManagedProcess startPudwatch(String name, Path dir, List<String> args)
            throws IOException {
        String classpath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-cp", classpath, "io.pudwatch.cli.PudwatchCommand"));
        command.addAll(args);
        return start(name, dir, command);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return name
                    + " output:\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return name + " output unreadable: " + e.getMessage();
        }
    }

    /** SIGTERM, then SIGKILL after ten seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The exit status after {@link #close()}; 143 is SIGTERM handled by the JVM. */
    int exitValue() {
        return process.exitValue();
    }
}
