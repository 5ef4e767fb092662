package io.pudwatch.trace;

/** A trace line that does not follow trace format v1, named by its file and line. */
public final class TraceFormatException extends Exception {
    private final String source;
    private final long line;
    private final String problem;

    public TraceFormatException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
