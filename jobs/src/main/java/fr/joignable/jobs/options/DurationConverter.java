package fr.joignable.jobs.options;

import fr.joignable.domain.time.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one picocli converter of duration options ({@link Durations}): {@code 20s}, {@code 5m},
 * {@code 1h}, {@code 7d}, {@code 243.5s}, a bare number of seconds, or ISO-8601 ({@code PT1M30S}),
 * to a {@link Duration} rounded to the millisecond. A malformed value is a usage error (exit 2)
 * naming the value.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
