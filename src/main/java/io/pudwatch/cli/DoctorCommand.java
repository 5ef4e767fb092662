package io.pudwatch.cli;

import io.pudwatch.doctor.HostDoctor;
import io.pudwatch.doctor.HostExposure;
import io.pudwatch.doctor.HostExposureJson;
import io.pudwatch.doctor.HostExposureText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pudwatch doctor}: is this host exposed to the race, and can the agent run here? */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        header = "Assess this host's exposure to the race.",
        description = {
            "Assess this host's exposure to the pagewalk split/refault race: the kernel",
            "release against the affected and fixed versions, devices bound to VFIO",
            "drivers with a BAR of 1 GiB or more, processes mapping VFIO regions; and",
            "whether the agent can run here (BTF, kprobes, headers, capabilities).",
            "Reads only /proc and /sys; never numa_maps or smaps."
        },
        footer = ExitCodes.HELP_TEXT)
final class DoctorCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--root",
            defaultValue = "/",
            paramLabel = "DIR",
            description =
                    "Read proc/, sys/, lib/modules/ and usr/src/ under DIR instead of /."
                            + " Default: ${DEFAULT-VALUE}.")
    Path root;

    @Option(
            names = "--output",
            defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Override
    public Integer call() throws CommandFailedException {
        if (!Files.isDirectory(root)) {
            throw new CommandFailedException(
                    root
                            + " is not a directory; --root names a tree holding proc/ and sys/"
                            + " (and lib/modules/ or usr/src/ for the header check).");
        }
        HostExposure exposure = HostDoctor.assess(root);
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(HostExposureJson.toJson(exposure));
        } else {
            out.print(HostExposureText.render(exposure));
        }
        out.flush();
        return switch (exposure.verdict()) {
            case NOT_EXPOSED -> ExitCodes.OK;
            case EXPOSED -> ExitCodes.EXPOSED;
            case UNKNOWN -> ExitCodes.EXPOSURE_UNKNOWN;
        };
    }
}
