package io.pudwatch.cli;

import io.pudwatch.simulate.KernelBehaviour;
import picocli.CommandLine.Option;

/** Which simulated host: its kernel and its seed, shared by simulate and demo. */
final class SimulatedHostOptions {
    @Option(
            names = "--kernel",
            defaultValue = "vulnerable",
            converter = KernelBehaviourConverter.class,
            paramLabel = "vulnerable|fixed",
            description = "The simulated kernel. Default: ${DEFAULT-VALUE}.")
    KernelBehaviour kernel;

    @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    long seed;
}
