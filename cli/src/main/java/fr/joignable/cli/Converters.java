package fr.joignable.cli;

import fr.joignable.domain.time.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for the value forms of {@code docs/cli.md}. */
public final class Converters {

    private Converters() {}

    /** {@code 20s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 243.5s} or seconds, to seconds. */
    public static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Durations.parseSeconds(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The same forms as {@link Seconds}, to a {@link java.time.Duration} (milliseconds). */
    public static final class DurationValue implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
