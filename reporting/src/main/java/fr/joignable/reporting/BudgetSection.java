package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.d;

import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.reporting.ReportModel.Budget;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The section "Budget": agent-hours paid (logged in) and productive (busy + wrap-up), cost, cost
 * per contact handled, contacts handled per paid hour, this month and the previous; and what 70, 80
 * and 90 % service level would have cost in the month's peak week ({@link ServiceLevelCost}).
 */
final class BudgetSection {

    static final String SECTION = "section.budget";

    private final QueryRunner q;
    private final Messages msg;
    private final Formats fmt;

    BudgetSection(QueryRunner q, Messages msg, Formats fmt) {
        this.q = q;
        this.msg = msg;
        this.fmt = fmt;
    }

    List<DataTable> tables(YearMonth month, Budget now, Budget before, double costPerHour) {
        List<DataTable> out = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(HtmlRenderer.capitalize(fmt.month(month)), now));
        if (before != null) {
            rows.add(row(HtmlRenderer.capitalize(fmt.month(month.minusMonths(1))), before));
        }
        out.add(
                Cols.table(
                        "budget",
                        "table.budget",
                        "note.budget",
                        SECTION,
                        rows,
                        List.of(
                                Cols.of("col.month", Kind.TEXT, "label"),
                                Cols.of("col.paid_hours", Kind.HOURS, "paid"),
                                Cols.of("col.productive_hours", Kind.HOURS, "productive"),
                                Cols.of("col.productive_share", Kind.PCT, "share"),
                                Cols.of("col.handled", Kind.COUNT, "handled"),
                                Cols.of("col.cost", Kind.MONEY, "cost"),
                                Cols.of("col.cost_per_contact", Kind.MONEY, "per_contact"),
                                Cols.of("col.contacts_per_hour", Kind.DECIMAL, "per_hour"))));
        Map<String, Object> peak = q.one(BudgetQueries.PEAK_WEEK, month);
        if (peak.isEmpty()) {
            return out;
        }
        List<ServiceLevelCost.Load> load = new ArrayList<>();
        for (Map<String, Object> r : q.rows(BudgetQueries.PEAK_WEEK_LOAD, month)) {
            Instant start = ((OffsetDateTime) r.get("interval_start")).toInstant();
            load.add(
                    new ServiceLevelCost.Load(
                            start,
                            (String) r.get("channel"),
                            d(r, "offered"),
                            d(r, "aht_s"),
                            d(r, "week_aht_s"),
                            d(r, "work_s")));
        }
        List<ServiceLevelCost.Level> levels =
                ServiceLevelCost.price(load, costPerHour, TargetsConfig.defaults());
        double cost80 = levels.get(1).cost();
        List<Map<String, Object>> lrows = new ArrayList<>();
        for (ServiceLevelCost.Level level : levels) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", msg.get("slcost.target", fmt.pct(level.target())));
            m.put("peak", (double) level.peakAgents());
            m.put("paid", level.paidHours());
            m.put("cost", level.cost());
            m.put("delta", level.cost() - cost80);
            m.put("phone", level.target());
            m.put("chat", level.target());
            lrows.add(m);
        }
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("label", msg.get("slcost.actual"));
        Double staffed = d(peak, "staffed_hours");
        actual.put("paid", staffed);
        actual.put("cost", staffed == null ? null : staffed * costPerHour);
        actual.put("delta", staffed == null ? null : staffed * costPerHour - cost80);
        actual.put("phone", d(peak, "phone_service_level"));
        actual.put("chat", d(peak, "chat_service_level"));
        lrows.add(actual);
        LocalDate week = (LocalDate) peak.get("week");
        out.add(
                Cols.table(
                        "sl_cost",
                        "table.sl_cost",
                        "note.sl_cost",
                        SECTION,
                        lrows,
                        List.of(
                                Cols.of("col.week", Kind.DATE, r -> week),
                                Cols.of("col.sl_scenario", Kind.TEXT, "label"),
                                Cols.of("col.phone_sl", Kind.PCT, "phone"),
                                Cols.of("col.chat_sl", Kind.PCT, "chat"),
                                Cols.of("col.peak_agents", Kind.DECIMAL, "peak"),
                                Cols.of("col.paid_hours", Kind.HOURS, "paid"),
                                Cols.of("col.cost", Kind.MONEY, "cost"),
                                Cols.of("col.cost_vs_80", Kind.MONEY, "delta"))));
        return out;
    }

    private static Map<String, Object> row(String label, Budget b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("paid", b.paidHours());
        m.put("productive", b.productiveHours());
        m.put("share", b.paidHours() == 0 ? null : b.productiveHours() / b.paidHours());
        m.put("handled", b.handled());
        m.put("cost", b.cost());
        m.put("per_contact", b.costPerContact());
        m.put("per_hour", b.contactsPerHour());
        return m;
    }
}
