package fr.joignable.forecasting.training;

import fr.joignable.domain.table.Csv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Positional access to a CSV file read by the one table reader, {@link Csv} (Commons CSV, RFC 4180,
 * BOM ignored, strict UTF-8). Kept for {@code forecasting.schedule.ScheduleFiles}, whose reader
 * moves to {@link fr.joignable.domain.table.ScheduleTable} with the scheduling work.
 */
public final class CsvLines {

    /** One record and its 1-based line number in the file (where the record starts). */
    public record Row(int line, List<String> fields) {}

    private CsvLines() {}

    /** Reads {@code file} whose header must be exactly {@code header}. */
    public static List<Row> read(Path file, List<String> header) {
        return read(file, header, false);
    }

    /** As {@link #read(Path, List)}; with {@code extraColumns} the header need only start so. */
    public static List<Row> read(Path file, List<String> header, boolean extraColumns) {
        List<Row> rows = new ArrayList<>();
        for (Csv.Row r : Csv.read(file, header, extraColumns).rows()) {
            rows.add(new Row(r.line(), r.fields()));
        }
        return rows;
    }

    /** A plain finite decimal ({@code 12}, {@code 0.8}, {@code 1e2}), or null if it is not one. */
    public static Double decimal(String text) {
        return Csv.decimal(text);
    }
}
