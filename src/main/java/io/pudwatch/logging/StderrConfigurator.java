package io.pudwatch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's default for pudwatch: text lines at INFO on standard error. Logback runs it on the
 * first logger a class asks for, so commands that never log (replay, simulate) never start logback
 * at all, which saves a short command a tenth of its run time.
 */
public final class StderrConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LoggingSetup.install(context, LogFormat.TEXT);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
