package fr.joignable.bench;

/**
 * One figure of a benchmark run.
 *
 * @param benchmark the benchmark that produced it ({@code staffing}, {@code forecast}, …)
 * @param what what was measured, with its workload (one line)
 * @param value the figure (always positive for a successful run)
 * @param unit its unit; {@code ×} for a ratio measured in the same run
 * @param note optional remark (empty string when none)
 */
public record Row(String benchmark, String what, double value, String unit, String note) {

    public static final String RATIO = "×";

    public Row {
        note = note == null ? "" : note;
    }

    public static Row of(String benchmark, String what, double value, String unit) {
        return new Row(benchmark, what, value, unit, "");
    }

    public static Row ratio(String benchmark, String what, double value, String note) {
        return new Row(benchmark, what, value, RATIO, note);
    }

    public boolean isRatio() {
        return RATIO.equals(unit);
    }

    /** The value with a sensible number of significant digits. */
    public String formattedValue() {
        double v = Math.abs(value);
        if (v >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", value);
        }
        if (v >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        if (v >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        if (v >= 0.1) {
            return String.format(java.util.Locale.ROOT, "%.2f", value);
        }
        return String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
