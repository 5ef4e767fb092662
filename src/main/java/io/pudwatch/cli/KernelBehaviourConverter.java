package io.pudwatch.cli;

import io.pudwatch.simulate.KernelBehaviour;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code --kernel vulnerable|fixed} of the simulated host, for simulate and demo. */
final class KernelBehaviourConverter implements CommandLine.ITypeConverter<KernelBehaviour> {
    @Override
    public KernelBehaviour convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "vulnerable" -> KernelBehaviour.VULNERABLE;
            case "fixed" -> KernelBehaviour.FIXED;
            default ->
                    throw new CommandLine.TypeConversionException(
                            "--kernel takes vulnerable or fixed, not '" + value + "'");
        };
    }
}
