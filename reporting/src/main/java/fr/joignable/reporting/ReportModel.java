package fr.joignable.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The content of one monthly report, independent of its output format. */
public final class ReportModel {

    private ReportModel() {}

    /** How a value is formatted and stored. */
    public enum Kind {
        TEXT,
        COUNT,
        PCT,
        SECONDS,
        HOURS,
        DECIMAL,
        DATE,
        /** Seconds shown as seconds, minutes or hours, whichever reads best. */
        DURATION,
        /** Euros. */
        MONEY
    }

    /** Red/amber/green against the targets; {@code NONE} for a figure without a target. */
    public enum Status {
        GREEN,
        AMBER,
        RED,
        NONE
    }

    /** A table column: its label key ({@link Messages}) and its kind. */
    public record Column(String key, Kind kind) {}

    /**
     * A table of the report. Values are {@code String}, {@code Long}, {@code Double}, {@code
     * LocalDate} or {@code null} (undefined). Tables of one {@code section} (a {@link Messages}
     * key) share one heading in the PDF and HTML and one sheet in the workbook.
     */
    public record DataTable(
            String id,
            String titleKey,
            String noteKey,
            List<Column> columns,
            List<List<Object>> rows,
            String section) {

        /** A table that is a section of its own. */
        public DataTable(
                String id,
                String titleKey,
                String noteKey,
                List<Column> columns,
                List<List<Object>> rows) {
            this(id, titleKey, noteKey, columns, rows, titleKey);
        }

        /** The same table in {@code section}. */
        public DataTable in(String sectionKey) {
            return new DataTable(id, titleKey, noteKey, columns, rows, sectionKey);
        }
    }

    /** One headline figure: this month, the previous month, its status and its target. */
    public record Kpi(
            String key, Kind kind, Double value, Double previous, Status status, String target) {}

    /**
     * One day of the daily trend: all channels' counts, the phone's and the chat's service level
     * (each against its own threshold), and whether the centre was open (a phone or chat contact
     * was answered that day).
     */
    public record Day(
            LocalDate day,
            long offered,
            long answered,
            Double phoneServiceLevel,
            Double chatServiceLevel,
            boolean open) {}

    /**
     * What the month cost: agent-hours logged in (paid, as far as the data shows) and productive
     * (busy + wrap-up), contacts handled, the cost per agent-hour used, and what follows.
     */
    public record Budget(
            double paidHours,
            double productiveHours,
            long handled,
            double costPerHour,
            double cost,
            Double costPerContact,
            Double contactsPerHour) {}

    /**
     * The whole report.
     *
     * @param heat phone service level by ISO weekday (index 0 = Monday) and Paris hour (0–23),
     *     {@code null} where no phone call was offered or where the centre was closed
     * @param open whether each weekday × hour was open (learnt from the data, see {@code
     *     docs/report.md})
     * @param relanceHeat share of relances (duplicates) in the contacts offered, by weekday × hour;
     *     {@code null} without intent data or where closed
     * @param openingSummary the learnt opening hours, as text in the report's language
     * @param budget what the month cost; {@code null} without agent data
     * @param tables the tables, in report order; optional sections absent when their data is
     * @param targets what the figures are coloured against, and the thresholds the tiles name
     */
    public record Report(
            YearMonth month,
            Messages.Lang lang,
            List<Kpi> kpis,
            List<Day> days,
            Double[][] heat,
            boolean[][] open,
            Double[][] relanceHeat,
            String openingSummary,
            Budget budget,
            List<DataTable> tables,
            ReportTargets targets) {}
}
