package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportQueries.Query;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The section "coverage vs plan for the coming month", when the data directory holds the coverage
 * file of {@code joignable schedule --coverage} ({@code coverage.csv}, view {@code coverage}: per
 * quarter-hour and pool — a set of queues — the agents the plan requires and the agents the
 * schedule has present). Over the schedule's whole horizon (the weeks after the data, whatever the
 * report's month), per pool: required and present agent-hours (Σ agents × 0.25 h), coverage = Σ
 * min(present, required) / Σ required (an agent too many in one quarter-hour does not make up for
 * one missing in another), the quarter-hours with more than 0.05 agent missing, and the largest
 * shortfall.
 */
final class CoverageSection {

    static final String SECTION = "section.schedule";

    /** Agents missing below which a quarter-hour counts as covered (rounding of the plan). */
    static final double SHORT_AGENTS = 0.05;

    static final Query COVERAGE =
            new Query(
                    "schedule_coverage",
                    """
                    SELECT pool,
                           min(CAST(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ))
                                    AS DATE)) AS first_day,
                           max(CAST(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ))
                                    AS DATE)) AS last_day,
                           sum(required) * 0.25 AS required_agent_hours,
                           sum(present) * 0.25 AS present_agent_hours,
                           sum(least(present, required)) / nullif(sum(required), 0) AS coverage,
                           count(*) FILTER (WHERE required - present > %s) AS intervals_below_plan,
                           greatest(max(required - present), 0) AS worst_gap_agents
                    FROM coverage
                    GROUP BY pool
                    HAVING sum(required) > 0
                    ORDER BY coverage, pool
                    """
                            .formatted(SHORT_AGENTS));

    private final QueryRunner q;

    CoverageSection(QueryRunner q) {
        this.q = q;
    }

    /** The table, or none without a coverage file. */
    List<DataTable> tables(YearMonth month) {
        if (!q.tables().has("coverage")) {
            return List.of();
        }
        List<Map<String, Object>> rows = q.rows(COVERAGE, month);
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of(
                Cols.table(
                        "schedule_coverage",
                        "table.schedule_coverage",
                        "note.schedule_coverage",
                        SECTION,
                        rows,
                        List.of(
                                Cols.of("col.pool", Kind.TEXT, r -> pool(r.get("pool"))),
                                Cols.of("col.first_day", Kind.DATE, "first_day"),
                                Cols.of("col.last_day", Kind.DATE, "last_day"),
                                Cols.of(
                                        "col.required_agent_hours",
                                        Kind.HOURS,
                                        "required_agent_hours"),
                                Cols.of(
                                        "col.present_agent_hours",
                                        Kind.HOURS,
                                        "present_agent_hours"),
                                Cols.of("col.coverage", Kind.PCT, "coverage"),
                                Cols.of(
                                        "col.intervals_below_plan",
                                        Kind.COUNT,
                                        "intervals_below_plan"),
                                Cols.of(
                                        "col.worst_gap_agents",
                                        Kind.DECIMAL,
                                        "worst_gap_agents"))));
    }

    /** "A+B" reads "A + B" (lets a long pool wrap). */
    private static Object pool(Object name) {
        return name == null ? null : name.toString().replace("+", " + ");
    }
}
