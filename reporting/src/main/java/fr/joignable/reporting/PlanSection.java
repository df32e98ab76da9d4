package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The section "Plan vs réalisé", when the data directory holds a forecast and a staffing plan
 * overlapping the month ({@link PlanQueries}, and the daily {@link ReportQueries#STAFFING}).
 */
final class PlanSection {

    static final String SECTION = "section.plan";

    private final QueryRunner q;
    private final Messages msg;

    PlanSection(QueryRunner q, Messages msg) {
        this.q = q;
        this.msg = msg;
    }

    /** The week's Monday, or "month" on the total row. */
    private Object week(java.util.Map<String, Object> r) {
        return r.get("week") == null ? msg.get("col.whole_month") : r.get("week");
    }

    List<DataTable> tables(YearMonth month) {
        Tables t = q.tables();
        List<DataTable> out = new ArrayList<>();
        if (t.has("forecast")) {
            List<Map<String, Object>> weeks = q.rows(PlanQueries.PLAN_WEEKS, month);
            if (weeks.size() > 1) {
                out.add(
                        Cols.table(
                                "plan_weeks",
                                "table.plan_weeks",
                                "note.plan_weeks",
                                SECTION,
                                weeks,
                                List.of(
                                        Cols.of("col.week", Kind.DATE, this::week),
                                        Cols.of("col.forecast", Kind.DECIMAL, "forecast"),
                                        Cols.of("col.actual", Kind.COUNT, "actual"),
                                        Cols.of("col.bias", Kind.PCT, "bias"),
                                        Cols.of("col.wape", Kind.PCT, "wape"),
                                        Cols.of("col.wape_daily", Kind.PCT, "wape_daily"))));
            }
        }
        if (t.has("staffing")) {
            List<Map<String, Object>> sl = q.rows(PlanQueries.PLAN_SERVICE_LEVEL, month);
            if (!sl.isEmpty()) {
                out.add(
                        Cols.table(
                                "plan_service_level",
                                "table.plan_service_level",
                                "note.plan_service_level",
                                SECTION,
                                sl,
                                List.of(
                                        Cols.channel(msg),
                                        Cols.of("col.week", Kind.DATE, this::week),
                                        Cols.of(
                                                "col.predicted_sl",
                                                Kind.PCT,
                                                "predicted_service_level"),
                                        Cols.of(
                                                "col.measured_sl",
                                                Kind.PCT,
                                                "measured_service_level"))));
            }
        }
        if (t.has("staffing") && t.has("agent_intervals")) {
            List<Map<String, Object>> hours = q.rows(PlanQueries.PLAN_HOURS, month);
            if (!hours.isEmpty()) {
                out.add(
                        Cols.table(
                                "plan_hours",
                                "table.plan_hours",
                                "note.plan_hours",
                                SECTION,
                                hours,
                                List.of(
                                        Cols.weekday(msg),
                                        Cols.of("col.hour", Kind.COUNT, "hour"),
                                        Cols.of(
                                                "col.planned_agents",
                                                Kind.DECIMAL,
                                                "planned_agents"),
                                        Cols.of(
                                                "col.present_agents",
                                                Kind.DECIMAL,
                                                "present_agents"),
                                        Cols.of("col.gap_agents", Kind.DECIMAL, "gap_agents"),
                                        Cols.of(
                                                "col.intervals_below_plan",
                                                Kind.COUNT,
                                                "intervals_below_plan"))));
            }
            List<Map<String, Object>> daily = q.rows(ReportQueries.STAFFING, month);
            if (!daily.isEmpty()) {
                out.add(
                        Cols.table(
                                "staffing",
                                "table.staffing",
                                "note.staffing",
                                SECTION,
                                daily,
                                List.of(
                                        Cols.of("col.day", Kind.DATE, "day"),
                                        Cols.of(
                                                "col.planned_agent_hours",
                                                Kind.HOURS,
                                                "planned_agent_hours"),
                                        Cols.of(
                                                "col.staffed_agent_hours",
                                                Kind.HOURS,
                                                "staffed_agent_hours"),
                                        Cols.of(
                                                "col.peak_planned_agents",
                                                Kind.DECIMAL,
                                                "peak_planned_agents"),
                                        Cols.of(
                                                "col.peak_staffed_agents",
                                                Kind.DECIMAL,
                                                "peak_staffed_agents"),
                                        Cols.of(
                                                "col.intervals_below_plan",
                                                Kind.COUNT,
                                                "intervals_below_plan"))));
            }
        }
        return out;
    }
}
