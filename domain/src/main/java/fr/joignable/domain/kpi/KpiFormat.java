package fr.joignable.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Formatting of KPI values in CSV files: plain decimal notation (never exponents, no thousands
 * separator), rates as fractions, and an undefined value as an empty field.
 */
public final class KpiFormat {

    private KpiFormat() {}

    /** ISO-8601 UTC, seconds precision: {@code 2026-10-05T06:15:00Z}. */
    public static String instant(Instant ts) {
        return DateTimeFormatter.ISO_INSTANT.format(ts);
    }

    /** Plain decimal notation, shortest form that round-trips; empty for null or non-finite. */
    public static String decimal(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return decimal(value.doubleValue());
    }

    public static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** One CSV line (without terminator); values that need it are quoted. */
    public static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(values.get(i)));
        }
        return line.toString();
    }

    public static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
