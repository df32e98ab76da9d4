package fr.joignable.reporting;

import fr.joignable.domain.io.InputException;
import fr.joignable.reporting.Messages.Lang;
import fr.joignable.reporting.ReportModel.Column;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Day;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import fr.joignable.reporting.ReportModel.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the queries of {@link ReportQueries} over {@link Tables} and assembles the report. */
public final class ReportBuilder {

    private final Tables tables;

    public ReportBuilder(Tables tables) {
        this.tables = tables;
    }

    /**
     * Builds the report of {@code month}.
     *
     * @throws InputException when there is no contact data for the month
     */
    public Report build(YearMonth month, Lang lang) {
        if (!tables.has("contact_intervals")) {
            throw new InputException("no contact_intervals table in " + tables.dir());
        }
        Map<String, Object> now = one(ReportQueries.CONTACT_SUMMARY, month);
        if (((Number) now.get("rows")).longValue() == 0) {
            throw new InputException(
                    "no data for " + month + " in " + tables.dir().resolve("contact_intervals"));
        }
        Map<String, Object> before = one(ReportQueries.CONTACT_SUMMARY, month.minusMonths(1));
        boolean hasBefore = ((Number) before.get("rows")).longValue() > 0;
        Map<String, Object> agentsNow = Map.of();
        Map<String, Object> agentsBefore = Map.of();
        if (tables.has("agent_intervals")) {
            agentsNow = one(ReportQueries.AGENT_SUMMARY, month);
            agentsBefore = one(ReportQueries.AGENT_SUMMARY, month.minusMonths(1));
        }
        Fmt fmt = new Fmt(lang);
        Messages msg = new Messages(lang);
        List<Kpi> kpis = new ArrayList<>();
        Double offered = d(now, "offered");
        kpis.add(
                kpi(
                        "kpi.offered",
                        Kind.COUNT,
                        offered,
                        hasBefore,
                        before,
                        "offered",
                        Status.NONE,
                        msg.get("target.none")));
        kpis.add(
                kpi(
                        "kpi.answered",
                        Kind.COUNT,
                        d(now, "answered"),
                        hasBefore,
                        before,
                        "answered",
                        Targets.atLeast(
                                d(now, "answer_rate"),
                                Targets.ANSWER_RATE_GREEN,
                                Targets.ANSWER_RATE_AMBER),
                        msg.get("target.answered", fmt.pct(Targets.ANSWER_RATE_GREEN))));
        kpis.add(
                kpi(
                        "kpi.service_level",
                        Kind.PCT,
                        d(now, "service_level"),
                        hasBefore,
                        before,
                        "service_level",
                        Targets.atLeast(
                                d(now, "service_level"), Targets.SL_GREEN, Targets.SL_AMBER),
                        "≥ " + fmt.pct(Targets.SL_GREEN)));
        kpis.add(
                kpi(
                        "kpi.abandon_rate",
                        Kind.PCT,
                        d(now, "abandon_rate"),
                        hasBefore,
                        before,
                        "abandon_rate",
                        Targets.atMost(
                                d(now, "abandon_rate"),
                                Targets.ABANDON_GREEN,
                                Targets.ABANDON_AMBER),
                        "≤ " + fmt.pct(Targets.ABANDON_GREEN)));
        kpis.add(
                kpi(
                        "kpi.asa",
                        Kind.SECONDS,
                        d(now, "asa_live_s"),
                        hasBefore,
                        before,
                        "asa_live_s",
                        Targets.atMost(
                                d(now, "asa_live_s"), Targets.ASA_GREEN_S, Targets.ASA_AMBER_S),
                        "≤ " + fmt.seconds(Targets.ASA_GREEN_S)));
        kpis.add(
                kpi(
                        "kpi.aht",
                        Kind.SECONDS,
                        d(now, "aht_s"),
                        hasBefore,
                        before,
                        "aht_s",
                        Targets.atMost(d(now, "aht_s"), Targets.AHT_GREEN_S, Targets.AHT_AMBER_S),
                        "≤ " + fmt.seconds(Targets.AHT_GREEN_S)));
        if (tables.has("agent_intervals")) {
            Double occ = d(agentsNow, "occupancy");
            Double occBefore = d(agentsBefore, "occupancy");
            kpis.add(
                    new Kpi(
                            "kpi.occupancy",
                            Kind.PCT,
                            occ,
                            occBefore,
                            Targets.occupancy(occ),
                            fmt.pct(Targets.OCC_GREEN_LOW)
                                    + " – "
                                    + fmt.pct(Targets.OCC_GREEN_HIGH)));
        }
        kpis.add(
                kpi(
                        "kpi.duplicate_rate",
                        Kind.PCT,
                        d(now, "duplicate_rate"),
                        hasBefore,
                        before,
                        "duplicate_rate",
                        Targets.atMost(
                                d(now, "duplicate_rate"), Targets.DUP_GREEN, Targets.DUP_AMBER),
                        "≤ " + fmt.pct(Targets.DUP_GREEN)));
        kpis.add(
                kpi(
                        "kpi.after_abandon",
                        Kind.PCT,
                        d(now, "after_abandon_share"),
                        hasBefore,
                        before,
                        "after_abandon_share",
                        Targets.atMost(
                                d(now, "after_abandon_share"),
                                Targets.AFTER_ABANDON_GREEN,
                                Targets.AFTER_ABANDON_AMBER),
                        "≤ " + fmt.pct(Targets.AFTER_ABANDON_GREEN)));

        List<DataTable> out = new ArrayList<>();
        DataTable daily =
                table(
                        ReportQueries.DAILY,
                        month,
                        "daily",
                        "table.daily",
                        null,
                        List.of(
                                new Column("col.day", Kind.DATE),
                                new Column("col.offered", Kind.COUNT),
                                new Column("col.answered", Kind.COUNT),
                                new Column("col.service_level", Kind.PCT),
                                new Column("col.abandon_rate", Kind.PCT)));
        List<Day> days = new ArrayList<>();
        for (List<Object> row : daily.rows()) {
            days.add(
                    new Day(
                            (LocalDate) row.get(0),
                            ((Number) row.get(1)).longValue(),
                            ((Number) row.get(2)).longValue(),
                            (Double) row.get(3)));
        }
        out.add(
                table(
                        ReportQueries.QUEUES,
                        month,
                        "queues",
                        "table.queues",
                        null,
                        List.of(
                                new Column("col.queue", Kind.TEXT),
                                new Column("col.channel", Kind.TEXT),
                                new Column("col.offered", Kind.COUNT),
                                new Column("col.answered", Kind.COUNT),
                                new Column("col.service_level", Kind.PCT),
                                new Column("col.abandon_rate", Kind.PCT),
                                new Column("col.asa_s", Kind.SECONDS),
                                new Column("col.aht_s", Kind.SECONDS),
                                new Column("col.duplicate_rate", Kind.PCT))));
        out.add(daily);
        DataTable heatTable =
                table(
                        ReportQueries.HEATMAP,
                        month,
                        "heatmap",
                        "table.heat",
                        null,
                        List.of(
                                new Column("col.weekday", Kind.COUNT),
                                new Column("col.hour", Kind.COUNT),
                                new Column("col.offered", Kind.COUNT),
                                new Column("col.service_level", Kind.PCT)));
        Double[][] heat = new Double[7][24];
        for (List<Object> row : heatTable.rows()) {
            int wd = ((Number) row.get(0)).intValue() - 1;
            int h = ((Number) row.get(1)).intValue();
            heat[wd][h] = (Double) row.get(3);
        }
        out.add(heatTable);
        if (tables.has("intent_intervals")) {
            out.add(
                    table(
                            ReportQueries.INTENTS,
                            month,
                            "intents",
                            "table.intents",
                            "note.intents",
                            List.of(
                                    new Column("col.intent", Kind.TEXT),
                                    new Column("col.offered", Kind.COUNT),
                                    new Column("col.identified", Kind.COUNT),
                                    new Column("col.duplicates", Kind.COUNT),
                                    new Column("col.duplicate_rate", Kind.PCT),
                                    new Column("col.after_abandon_share", Kind.PCT))));
        }
        if (tables.has("handoffs")) {
            DataTable handoffs =
                    table(
                            ReportQueries.HANDOFFS,
                            month,
                            "handoffs",
                            "table.handoffs",
                            "note.handoffs",
                            List.of(
                                    new Column("col.handoff_target", Kind.TEXT),
                                    new Column("col.created", Kind.COUNT),
                                    new Column("col.closed", Kind.COUNT),
                                    new Column("col.median_closing_h", Kind.DECIMAL),
                                    new Column("col.open_at_month_end", Kind.COUNT)));
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : handoffs.rows()) {
                List<Object> copy = new ArrayList<>(row);
                if (copy.get(0) == null) {
                    copy.set(0, msg.get("col.total"));
                }
                rows.add(copy);
            }
            out.add(
                    new DataTable(
                            handoffs.id(),
                            handoffs.titleKey(),
                            handoffs.noteKey(),
                            handoffs.columns(),
                            rows));
        }
        if (tables.has("staffing") && tables.has("agent_intervals")) {
            DataTable staffing =
                    table(
                            ReportQueries.STAFFING,
                            month,
                            "staffing",
                            "table.staffing",
                            "note.staffing",
                            List.of(
                                    new Column("col.day", Kind.DATE),
                                    new Column("col.planned_agent_hours", Kind.HOURS),
                                    new Column("col.staffed_agent_hours", Kind.HOURS),
                                    new Column("col.peak_planned_agents", Kind.DECIMAL),
                                    new Column("col.peak_staffed_agents", Kind.DECIMAL),
                                    new Column("col.intervals_below_plan", Kind.COUNT)));
            if (!staffing.rows().isEmpty()) {
                out.add(staffing);
            }
        }
        if (tables.has("training_gaps")) {
            out.add(
                    table(
                            ReportQueries.TRAINING_GAPS,
                            month,
                            "training_gaps",
                            "table.training_gaps",
                            null,
                            List.of(
                                    new Column("col.queue", Kind.TEXT),
                                    new Column("col.peak_scheduled_agents", Kind.DECIMAL),
                                    new Column("col.trained_fte", Kind.DECIMAL),
                                    new Column("col.uncovered_agent_hours", Kind.HOURS),
                                    new Column("col.worst_interval_uncovered", Kind.DECIMAL))));
        }
        if (tables.has("training_plan")) {
            out.add(
                    table(
                            ReportQueries.TRAINING_PLAN,
                            month,
                            "training_plan",
                            "table.training_plan",
                            null,
                            List.of(
                                    new Column("col.queue", Kind.TEXT),
                                    new Column("col.trainings", Kind.COUNT),
                                    new Column("col.teams", Kind.TEXT))));
        }
        return new Report(month, lang, kpis, days, heat, out);
    }

    private static Kpi kpi(
            String key,
            Kind kind,
            Double value,
            boolean hasBefore,
            Map<String, Object> before,
            String column,
            Status status,
            String target) {
        return new Kpi(key, kind, value, hasBefore ? d(before, column) : null, status, target);
    }

    private static Double d(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private Map<String, Object> one(ReportQueries.Query query, YearMonth month) {
        String sql = ReportQueries.sql(query, month);
        try (Statement st = tables.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new HashMap<>();
            if (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), value(rs.getObject(i)));
                }
            }
            return row;
        } catch (SQLException e) {
            throw failure(query, e);
        }
    }

    private DataTable table(
            ReportQueries.Query query,
            YearMonth month,
            String id,
            String titleKey,
            String noteKey,
            List<Column> columns) {
        String sql = ReportQueries.sql(query, month);
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = tables.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object v = value(rs.getObject(i));
                    Kind kind = columns.get(i - 1).kind();
                    if (v instanceof Number number && kind != Kind.COUNT) {
                        v = number.doubleValue();
                    }
                    row.add(v);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw failure(query, e);
        }
        return new DataTable(id, titleKey, noteKey, columns, rows);
    }

    private InputException failure(ReportQueries.Query query, SQLException e) {
        return new InputException(
                "cannot compute '"
                        + query.name()
                        + "' from "
                        + tables.dir()
                        + ": "
                        + Tables.oneLine(e),
                e);
    }

    /** JDBC values as Long, Double, String or LocalDate. */
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
        if (v instanceof Long || v instanceof Double || v instanceof LocalDate) {
            return v;
        }
        return v.toString();
    }
}
