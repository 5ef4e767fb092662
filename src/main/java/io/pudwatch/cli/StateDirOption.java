package io.pudwatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command that attaches the probes may write the kernel header tree bcc compiles against;
 * shared by check and record. The agent's own {@code --state-dir} also holds the incident log and
 * has a default that depends on {@code --replay}, so {@code run} declares its own.
 */
final class StateDirOption {
    @Option(
            names = "--state-dir",
            defaultValue = "/var/lib/pudwatch",
            description =
                    "Where pudwatch may write (kernel header tree). Default: ${DEFAULT-VALUE}.")
    Path stateDir;
}
