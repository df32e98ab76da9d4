package fr.joignable.reporting;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one DuckDB query over the views of a data directory and prints the result. */
public final class SqlRunner {

    private SqlRunner() {}

    /** A query result as text: column names and rows (null for SQL NULL). */
    public record Result(List<String> columns, List<List<String>> rows) {}

    /**
     * Runs {@code query} over {@code dataDir}.
     *
     * @throws InputException with DuckDB's one-line message when the query fails
     */
    public static Result run(Path dataDir, String query) {
        try (Tables tables = Tables.open(dataDir);
                Statement st = tables.connection().createStatement()) {
            boolean hasResult = st.execute(query);
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            if (!hasResult) {
                return new Result(columns, rows);
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                for (int i = 1; i <= n; i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(text(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
            return new Result(columns, rows);
        } catch (SQLException e) {
            throw new InputException("query failed: " + Tables.oneLine(e), e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return KpiFormat.decimal(d);
        }
        if (value instanceof Float f) {
            return KpiFormat.decimal(f.doubleValue());
        }
        return value.toString();
    }

    /** Prints {@code result} as CSV (header row, empty field for NULL). */
    public static void printCsv(Result result, PrintWriter out) {
        out.println(KpiFormat.csvLine(result.columns()));
        for (List<String> row : result.rows()) {
            out.println(KpiFormat.csvLine(row));
        }
        out.flush();
    }

    /** Prints {@code result} as an aligned table: text left, numbers right, NULL as empty. */
    public static void printTable(Result result, PrintWriter out) {
        int n = result.columns().size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = result.columns().get(i).length();
            numeric[i] = !result.rows().isEmpty();
        }
        for (List<String> row : result.rows()) {
            for (int i = 0; i < n; i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                width[i] = Math.max(width[i], v.length());
                if (!v.isEmpty() && !v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                    numeric[i] = false;
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "" : "  ")
                    .append(pad(result.columns().get(i), width[i], numeric[i]));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(line);
        for (List<String> row : result.rows()) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                line.append(i == 0 ? "" : "  ").append(pad(v, width[i], numeric[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        out.flush();
    }

    private static String pad(String v, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - v.length()));
        return right ? spaces + v : v + spaces;
    }
}
