package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.d;
import static fr.joignable.reporting.QueryRunner.l;

import fr.joignable.domain.io.InputException;
import fr.joignable.reporting.Messages.Lang;
import fr.joignable.reporting.ReportModel.Budget;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Day;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the queries of {@link ReportQueries} over {@link Tables} and assembles the report. */
public final class ReportBuilder {

    private final Tables tables;
    private final QueryRunner q;

    public ReportBuilder(Tables tables) {
        this.tables = tables;
        this.q = new QueryRunner(tables);
    }

    /** Builds the report of {@code month} with the default options. */
    public Report build(YearMonth month, Lang lang) {
        return build(month, lang, ReportOptions.defaults());
    }

    /**
     * Builds the report of {@code month}.
     *
     * @throws InputException when there is no contact data for the month
     */
    public Report build(YearMonth month, Lang lang, ReportOptions options) {
        if (!tables.has("contact_intervals")) {
            throw new InputException("no contact_intervals table in " + tables.dir());
        }
        Map<String, Object> now = q.one(ReportQueries.CONTACT_SUMMARY, month);
        if (l(now, "rows") == 0) {
            throw new InputException(
                    "no data for " + month + " in " + tables.dir().resolve("contact_intervals"));
        }
        YearMonth previous = month.minusMonths(1);
        Map<String, Object> before = q.one(ReportQueries.CONTACT_SUMMARY, previous);
        boolean hasBefore = l(before, "rows") > 0;
        if (!hasBefore) {
            before = Map.of();
        }
        Map<String, Map<String, Object>> ch = byChannel(month);
        Map<String, Map<String, Object>> chBefore = hasBefore ? byChannel(previous) : Map.of();
        boolean hasAgents = tables.has("agent_intervals");
        Map<String, Object> agentsNow =
                hasAgents ? q.one(ReportQueries.AGENT_SUMMARY, month) : null;
        Map<String, Object> agentsBefore =
                hasAgents && hasBefore ? q.one(ReportQueries.AGENT_SUMMARY, previous) : Map.of();
        Budget budget = hasAgents ? budget(agentsNow, now, options) : null;
        Budget budgetBefore =
                hasAgents && hasBefore && d(agentsBefore, "staffed_hours") != null
                        ? budget(agentsBefore, before, options)
                        : null;

        Formats fmt = new Formats(lang);
        Messages msg = new Messages(lang);
        List<Kpi> kpis =
                new KpiTiles(msg, fmt, options.targets())
                        .tiles(
                                now,
                                before,
                                ch,
                                chBefore,
                                agentsNow,
                                agentsBefore,
                                budget,
                                budgetBefore);

        List<DataTable> out = new ArrayList<>();
        out.add(ChannelSection.table(ch, msg, options.targets()));

        List<Map<String, Object>> dailyRows = q.rows(ReportQueries.DAILY, month);
        List<Day> days = new ArrayList<>();
        for (Map<String, Object> r : dailyRows) {
            days.add(
                    new Day(
                            (LocalDate) r.get("day"),
                            l(r, "offered"),
                            l(r, "answered"),
                            d(r, "phone_service_level"),
                            d(r, "chat_service_level"),
                            Boolean.TRUE.equals(r.get("open"))));
        }

        Double[][] heat = new Double[7][24];
        boolean[][] open = new boolean[7][24];
        List<Map<String, Object>> heatRows = q.rows(ReportQueries.HEATMAP, month);
        for (Map<String, Object> r : heatRows) {
            int wd = (int) l(r, "weekday") - 1;
            int h = (int) l(r, "hour");
            open[wd][h] = Boolean.TRUE.equals(r.get("open"));
            heat[wd][h] = d(r, "phone_service_level");
        }
        String opening =
                ChannelSection.openingSummary(q.rows(ReportQueries.OPENING_HOURS, month), msg);
        out.add(ChannelSection.heatTable(heatRows, msg));

        Double[][] relanceHeat = null;
        if (tables.has("intent_intervals")) {
            UrgentSection urgent = new UrgentSection(q, msg);
            out.addAll(urgent.urgent(month, tables.has("handoffs")));
            relanceHeat = new Double[7][24];
            out.addAll(urgent.relances(month, relanceHeat));
        }
        out.addAll(new PlanSection(q, msg).tables(month));
        out.addAll(new WhatIfSection(q, msg).tables(month));
        if (budget != null) {
            out.addAll(
                    new BudgetSection(q, msg, fmt)
                            .tables(month, budget, budgetBefore, options.costPerHour()));
        }
        out.add(
                Cols.table(
                        "queues",
                        "table.queues",
                        null,
                        "table.queues",
                        q.rows(ReportQueries.QUEUES, month),
                        List.of(
                                Cols.of("col.queue", Kind.TEXT, "queue"),
                                Cols.channel(msg),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.answered", Kind.COUNT, "answered"),
                                Cols.of("col.service_level", Kind.PCT, "service_level"),
                                Cols.of("col.abandon_rate", Kind.PCT, "abandon_rate"),
                                Cols.of("col.asa_s", Kind.DURATION, "asa_s"),
                                Cols.of("col.aht_s", Kind.SECONDS, "aht_s"),
                                Cols.of("col.duplicate_rate", Kind.PCT, "duplicate_rate"))));
        if (tables.has("handoffs")) {
            out.add(handoffs(month, msg));
        }
        out.addAll(trainingTables(month));
        out.addAll(new CoverageSection(q).tables(month));
        out.add(
                Cols.table(
                        "daily",
                        "table.daily",
                        "note.daily",
                        "table.daily",
                        dailyRows,
                        List.of(
                                Cols.of("col.day", Kind.DATE, "day"),
                                Cols.open(msg),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.answered", Kind.COUNT, "answered"),
                                Cols.of("col.phone_sl", Kind.PCT, "phone_service_level"),
                                Cols.of("col.chat_sl", Kind.PCT, "chat_service_level"),
                                Cols.of("col.phone_abandon", Kind.PCT, "phone_abandon_rate"))));
        return new Report(
                month,
                lang,
                kpis,
                days,
                heat,
                open,
                relanceHeat,
                opening,
                budget,
                out,
                options.targets());
    }

    /** The channels' rows by channel, in query order (PHONE … PORTAL, then WRITTEN). */
    private Map<String, Map<String, Object>> byChannel(YearMonth month) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : q.rows(ReportQueries.CHANNELS, month)) {
            out.put((String) r.get("channel"), r);
        }
        return out;
    }

    /** The month's budget: agent-hours from {@code agent_summary}, contacts handled. */
    static Budget budget(
            Map<String, Object> agents, Map<String, Object> contacts, ReportOptions options) {
        double paid = d(agents, "staffed_hours") == null ? 0 : d(agents, "staffed_hours");
        double productive =
                d(agents, "productive_hours") == null ? 0 : d(agents, "productive_hours");
        long handled = l(contacts, "handled");
        double cost = paid * options.costPerHour();
        return new Budget(
                paid,
                productive,
                handled,
                options.costPerHour(),
                cost,
                handled == 0 ? null : cost / handled,
                paid == 0 ? null : handled / paid);
    }

    private DataTable handoffs(YearMonth month, Messages msg) {
        return Cols.table(
                "handoffs",
                "table.handoffs",
                "note.handoffs",
                "section.handoffs",
                q.rows(ReportQueries.HANDOFFS, month),
                List.of(
                        Cols.of(
                                "col.handoff_target",
                                Kind.TEXT,
                                r ->
                                        r.get("target") == null
                                                ? msg.get("col.total")
                                                : r.get("target")),
                        Cols.of("col.created", Kind.COUNT, "created"),
                        Cols.of("col.closed", Kind.COUNT, "closed"),
                        Cols.of("col.median_closing_h", Kind.DECIMAL, "median_closing_h"),
                        Cols.of("col.open_at_month_end", Kind.COUNT, "open_at_month_end")));
    }

    private List<DataTable> trainingTables(YearMonth month) {
        List<DataTable> out = new ArrayList<>();
        if (tables.has("training_gaps")) {
            out.add(
                    Cols.table(
                            "training_gaps",
                            "table.training_gaps",
                            null,
                            "section.training",
                            q.rows(ReportQueries.TRAINING_GAPS, month),
                            List.of(
                                    Cols.of("col.queue", Kind.TEXT, "queue"),
                                    Cols.of(
                                            "col.peak_scheduled_agents",
                                            Kind.DECIMAL,
                                            "peak_scheduled_agents"),
                                    Cols.of("col.trained_fte", Kind.DECIMAL, "trained_fte"),
                                    Cols.of(
                                            "col.uncovered_agent_hours",
                                            Kind.HOURS,
                                            "uncovered_agent_hours"),
                                    Cols.of(
                                            "col.worst_interval_uncovered",
                                            Kind.DECIMAL,
                                            "worst_interval_uncovered"))));
        }
        if (tables.has("training_plan")) {
            out.add(
                    Cols.table(
                            "training_plan",
                            "table.training_plan",
                            null,
                            "section.training",
                            q.rows(ReportQueries.TRAINING_PLAN, month),
                            List.of(
                                    Cols.of("col.queue", Kind.TEXT, "queue"),
                                    Cols.of("col.trainings", Kind.COUNT, "trainings"),
                                    Cols.of("col.teams", Kind.TEXT, "teams"))));
        }
        return out;
    }
}
