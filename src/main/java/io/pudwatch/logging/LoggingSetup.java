package io.pudwatch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.LoggerFactory;

/**
 * Points every log line at standard error, as text or JSON Lines, so that standard output stays
 * free for what a command prints (incident tables, JSON reports).
 *
 * <p>Configured in code rather than by a {@code logback.xml}: the format is a command-line choice,
 * and a file on the class path would also configure whoever embeds the classes.
 */
public final class LoggingSetup {
    private static final String APPENDER = "pudwatch-stderr";
    private static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20}: %msg%n";

    private LoggingSetup() {}

    private static volatile boolean changed;

    /** Sends log lines to standard error in {@code format}; leaves the level as it is. */
    public static void configure(LogFormat format) {
        changed = true;
        install((LoggerContext) LoggerFactory.getILoggerFactory(), format);
    }

    /** What {@link StderrConfigurator} and {@link #configure(LogFormat)} install. */
    static void install(LoggerContext context, LogFormat format) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setTarget("System.err");
        install(context, appender, format);
    }

    /**
     * Puts back text at INFO if anything changed the format or level in this JVM (tests run many
     * commands in one), without starting logback when nothing did.
     */
    public static void restoreDefaults() {
        if (changed) {
            configure(LogFormat.TEXT);
            setLevel(Level.INFO);
            changed = false;
        }
    }

    /** Sends log lines to {@code out} in {@code format}; tests pass a buffer. */
    public static void configure(LogFormat format, OutputStream out) {
        changed = true;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        // Stopping an appender closes its stream: the caller's stream stays the caller's.
        appender.setOutputStream(
                new FilterOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
        install(context, appender, format);
    }

    private static void install(
            LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, LogFormat format) {
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(format == LogFormat.JSON ? jsonEncoder(context) : textEncoder(context));
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }

    /** Sets the level of every logger that does not set its own. */
    public static void setLevel(Level level) {
        changed = true;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    // Shippers want the rendered message, the level, the time and the logger; the raw "{}"
    // template, the arguments and logback's context block only add bytes to every line.
    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
