package fr.joignable.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A calendar month {@code YYYY-MM} ({@code 2026-09}), with a one-line reason when it is not one.
 */
public final class YearMonthConverter implements ITypeConverter<YearMonth> {

    @Override
    public YearMonth convert(String value) {
        String text = value.strip();
        if (!text.matches("[0-9]{4}-[0-9]{2}")) {
            throw new TypeConversionException("expected a month YYYY-MM, not '" + value + "'");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a month (month 01 to 12)");
        }
    }
}
