package fr.joignable.reporting;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Number and date formatting for one language: French {@code 87,3 %}, {@code 12 345}, {@code
 * 05/10}; English {@code 87.3%}, {@code 12,345}, {@code 10/05}. Spaces inside numbers are no-break
 * spaces (U+00A0), which every output format can show.
 */
public final class Formats {

    public static final char NBSP = '\u00A0';

    private final Messages.Lang lang;
    private final DecimalFormatSymbols symbols;

    public Formats(Messages.Lang lang) {
        this.lang = lang;
        this.symbols = new DecimalFormatSymbols(Locale.ROOT);
        if (lang == Messages.Lang.FR) {
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator(NBSP);
        } else {
            symbols.setDecimalSeparator('.');
            symbols.setGroupingSeparator(',');
        }
    }

    public Locale locale() {
        return lang == Messages.Lang.FR ? Locale.FRANCE : Locale.UK;
    }

    private String pattern(String pattern, double value) {
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    public String count(double value) {
        return pattern("#,##0", value);
    }

    /** A fraction as a percentage with one decimal. */
    public String pct(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        String number = pattern("0.0", fraction * 100);
        return lang == Messages.Lang.FR ? number + NBSP + "%" : number + "%";
    }

    public String decimal(Double value, int decimals) {
        if (value == null) {
            return "—";
        }
        return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), value);
    }

    /** Seconds, as {@code 42 s} or, from ten minutes, {@code 12 min 05 s}. */
    public String seconds(Double value) {
        if (value == null) {
            return "—";
        }
        if (value < 600) {
            return decimal(value, 0) + NBSP + "s";
        }
        long total = Math.round(value);
        return (total / 60) + NBSP + "min" + NBSP + String.format("%02d", total % 60) + NBSP + "s";
    }

    /** Euros: {@code 1 234 €} / {@code €1,234}. */
    public String money(Double value, int decimals) {
        if (value == null) {
            return "—";
        }
        String sign = value < 0 ? "−" : "";
        String number = decimal(Math.abs(value), decimals);
        return lang == Messages.Lang.FR ? sign + number + NBSP + "€" : sign + "€" + number;
    }

    /** A duration: seconds under 10 minutes, minutes under 2 hours, else hours with a decimal. */
    public String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        if (seconds < 600) {
            return decimal(seconds, 0) + NBSP + "s";
        }
        if (seconds < 7200) {
            return decimal(seconds / 60, 0) + NBSP + "min";
        }
        return decimal(seconds / 3600, 1) + NBSP + "h";
    }

    /** A difference between two months, with its sign. */
    public String change(ReportModel.Kind kind, Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        double d = now - before;
        String sign = d > 0 ? "+" : d < 0 ? "−" : "";
        if (kind == ReportModel.Kind.PCT && Math.abs(d) < 0.0005
                || kind == ReportModel.Kind.SECONDS && Math.abs(d) < 0.5) {
            sign = "";
        }
        double a = Math.abs(d);
        switch (kind) {
            case MONEY:
                return sign + money(a, a < 100 ? 2 : 0);
            case PCT:
                String pts = pattern("0.0", a * 100);
                return sign + pts + (lang == Messages.Lang.FR ? NBSP + "pt" : " pt");
            case SECONDS:
                return sign + decimal(a, 0) + NBSP + "s";
            default:
                if (before == 0) {
                    return sign + count(a);
                }
                return sign + pct(a / Math.abs(before));
        }
    }

    /** Any cell value of {@code kind}. */
    public String value(ReportModel.Kind kind, Object value) {
        if (value == null) {
            return "—";
        }
        switch (kind) {
            case COUNT:
                return count(((Number) value).doubleValue());
            case PCT:
                return pct(((Number) value).doubleValue());
            case SECONDS:
                return decimal(((Number) value).doubleValue(), 0);
            case HOURS:
            case DECIMAL:
                return decimal(((Number) value).doubleValue(), 1);
            case DATE:
                return value instanceof LocalDate d ? date(d) : String.valueOf(value);
            case DURATION:
                return duration(((Number) value).doubleValue());
            case MONEY:
                double v = ((Number) value).doubleValue();
                return money(v, Math.abs(v) < 100 ? 2 : 0);
            default:
                return String.valueOf(value);
        }
    }

    /** A KPI value of {@code kind}. */
    public String kpi(ReportModel.Kind kind, Double value) {
        if (value == null) {
            return "—";
        }
        return kind == ReportModel.Kind.SECONDS ? seconds(value) : value(kind, value);
    }

    public String date(LocalDate day) {
        return day.format(
                DateTimeFormatter.ofPattern(
                        lang == Messages.Lang.FR ? "dd/MM/yyyy" : "yyyy-MM-dd"));
    }

    public String shortDate(LocalDate day) {
        return day.format(
                DateTimeFormatter.ofPattern(lang == Messages.Lang.FR ? "dd/MM" : "MM-dd"));
    }

    /** {@code octobre 2026} / {@code October 2026}. */
    public String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale())
                + " "
                + month.getYear();
    }
}
