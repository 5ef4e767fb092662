package io.pudwatch.cli;

import io.pudwatch.config.ValueCheck;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks a configured value the way picocli will convert it, so a wrong value in the file or the
 * environment is reported with its source before any command starts.
 */
final class OptionValueCheck {
    private OptionValueCheck() {}

    static ValueCheck of(OptionSpec option) {
        CommandLine.ITypeConverter<?>[] converters = option.converters();
        if (converters != null && converters.length > 0) {
            CommandLine.ITypeConverter<?> converter = converters[0];
            return value -> {
                try {
                    converter.convert(value);
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            };
        }
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        if (type == int.class || type == Integer.class) {
            return value -> wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return value -> wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class) {
            return OptionValueCheck::number;
        }
        if (type == boolean.class || type == Boolean.class) {
            return OptionValueCheck::trueOrFalse;
        }
        if (type.isEnum()) {
            return value ->
                    oneOf(
                            value,
                            type,
                            option.command().parser().caseInsensitiveEnumValuesAllowed());
        }
        return ValueCheck.ANY;
    }

    private static void wholeNumber(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(
                        "'" + value + "' is out of range; the largest allowed is " + max + ".");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number.", e);
        }
    }

    private static void number(String value) {
        try {
            Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number.", e);
        }
    }

    private static void trueOrFalse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is neither true nor false.");
        }
    }

    private static void oneOf(String value, Class<?> type, boolean ignoreCase) {
        Object[] constants = type.getEnumConstants();
        for (Object constant : constants) {
            String name = ((Enum<?>) constant).name();
            if (ignoreCase ? name.equalsIgnoreCase(value.trim()) : name.equals(value.trim())) {
                return;
            }
        }
        String allowed =
                Arrays.stream(constants)
                        .map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + value + "' is not one of " + allowed + ".");
    }
}
