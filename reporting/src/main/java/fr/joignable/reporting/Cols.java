package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.Column;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A report column taken from a query row: its label key, kind and how to read its value. */
record Cols(String key, Kind kind, Function<Map<String, Object>, Object> value) {

    /** The column {@code source} of the row, as a Long for counts, a Double for other numbers. */
    static Cols of(String key, Kind kind, String source) {
        return new Cols(key, kind, row -> row.get(source));
    }

    static Cols of(String key, Kind kind, Function<Map<String, Object>, Object> value) {
        return new Cols(key, kind, value);
    }

    /** The row's channel, in the report's language. */
    static Cols channel(Messages msg) {
        return of("col.channel", Kind.TEXT, r -> msg.get("channel." + r.get("channel")));
    }

    /** The row's weekday, in the report's language. */
    static Cols weekday(Messages msg) {
        return of("col.weekday", Kind.TEXT, r -> msg.get("weekday." + r.get("weekday")));
    }

    /** Whether the centre was open in the row's slot, in the report's language. */
    static Cols open(Messages msg) {
        return of(
                "col.open",
                Kind.TEXT,
                r -> msg.get(Boolean.TRUE.equals(r.get("open")) ? "open.yes" : "open.no"));
    }

    /** A table of {@code rows} with {@code columns}. */
    static DataTable table(
            String id,
            String titleKey,
            String noteKey,
            String section,
            List<Map<String, Object>> rows,
            List<Cols> columns) {
        List<Column> cols = new ArrayList<>();
        for (Cols c : columns) {
            cols.add(new Column(c.key(), c.kind()));
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (Cols c : columns) {
                Object v = c.value().apply(row);
                if (v instanceof Number n) {
                    v = c.kind() == Kind.COUNT ? (Object) n.longValue() : (Object) n.doubleValue();
                }
                values.add(v);
            }
            out.add(values);
        }
        return new DataTable(id, titleKey, noteKey, cols, out, section);
    }
}
