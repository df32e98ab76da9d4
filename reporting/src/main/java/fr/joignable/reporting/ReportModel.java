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
        DATE
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
     * A table of the report (one XLSX sheet). Values are {@code String}, {@code Long}, {@code
     * Double}, {@code LocalDate} or {@code null} (undefined).
     */
    public record DataTable(
            String id,
            String titleKey,
            String noteKey,
            List<Column> columns,
            List<List<Object>> rows) {}

    /** One headline figure: this month, the previous month, its status and its target. */
    public record Kpi(
            String key, Kind kind, Double value, Double previous, Status status, String target) {}

    /** One day of the daily trend. */
    public record Day(LocalDate day, long offered, long answered, Double serviceLevel) {}

    /**
     * The whole report.
     *
     * @param heat service level by ISO weekday (index 0 = Monday) and Paris hour (0–23), {@code
     *     null} where nothing was offered
     * @param tables the tables, in report order (queues first); optional sections absent when their
     *     data is
     */
    public record Report(
            YearMonth month,
            Messages.Lang lang,
            List<Kpi> kpis,
            List<Day> days,
            Double[][] heat,
            List<DataTable> tables) {}
}
