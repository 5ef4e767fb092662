package io.pudwatch.cli;

import io.pudwatch.BuildInfo;
import picocli.CommandLine;

/** {@code pudwatch --version}: the version the jar was built as, and the JVM it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "pudwatch " + BuildInfo.version(),
            "JVM "
                    + System.getProperty("java.vm.version")
                    + " ("
                    + System.getProperty("java.vm.vendor")
                    + ")"
        };
    }
}
