package io.pudwatch.cli;

import picocli.CommandLine;

/** Reads a replay speed: a positive number (times real time) or {@code max}. */
final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        if (value.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        double speed;
        try {
            speed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a speed; write a number (1 = real time, 10) or max");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new CommandLine.TypeConversionException(
                    "the speed must be a positive number or max, not '" + value + "'");
        }
        return speed;
    }
}
