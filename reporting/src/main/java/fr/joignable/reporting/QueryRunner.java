package fr.joignable.reporting;

import fr.joignable.domain.io.InputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the report's queries ({@link ReportQueries#sql}) over {@link Tables}. */
final class QueryRunner {

    private final Tables tables;

    QueryRunner(Tables tables) {
        this.tables = tables;
    }

    Tables tables() {
        return tables;
    }

    /** The rows of {@code query} for {@code month}, each by column label, in order. */
    List<Map<String, Object>> rows(ReportQueries.Query query, YearMonth month) {
        String sql = ReportQueries.sql(query, month);
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = tables.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(meta.getColumnLabel(i), value(rs.getObject(i)));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new InputException(
                    "cannot compute '"
                            + query.name()
                            + "' from "
                            + tables.dir()
                            + ": "
                            + Tables.oneLine(e),
                    e);
        }
    }

    /** The first row of {@code query}, empty when none. */
    Map<String, Object> one(ReportQueries.Query query, YearMonth month) {
        List<Map<String, Object>> rows = rows(query, month);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    static Double d(Map<String, Object> row, String column) {
        Object value = row == null ? null : row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    static long l(Map<String, Object> row, String column) {
        Object value = row == null ? null : row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** JDBC values as Long, Double, Boolean, String, LocalDate or OffsetDateTime. */
    static Object value(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (v instanceof BigDecimal dec) {
            return dec.doubleValue();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Date date) {
            return date.toLocalDate();
        }
        if (v instanceof Long
                || v instanceof Double
                || v instanceof LocalDate
                || v instanceof Boolean
                || v instanceof OffsetDateTime) {
            return v;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return v.toString();
    }
}
