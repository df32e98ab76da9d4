package fr.joignable.reporting;

import java.time.YearMonth;
import java.util.List;

/**
 * Every SQL query behind the monthly report, one per figure, in one place. Each can be run as is
 * with {@code joignable sql --data DIR "..."} once {@code ${from}} and {@code ${to}} are replaced
 * by the first Paris-local instants of the month and of the next month ({@link #sql}); {@code
 * docs/report.md} lists them.
 *
 * <p>Months are Europe/Paris calendar months: a row belongs to the month when its {@code
 * interval_start} converted to Paris local time falls in it. Monthly rates are ratios of sums of
 * the interval counts, never means of interval rates.
 */
public final class ReportQueries {

    private ReportQueries() {}

    /** One query: a name (also used in {@code docs/report.md}) and its SQL template. */
    public record Query(String name, String template) {}

    /**
     * The month's rows. The first two conditions (a UTC window one day wider than the month) only
     * let DuckDB skip row groups by their statistics; the last two decide.
     */
    private static final String IN_MONTH =
            "interval_start >= TIMESTAMPTZ '${from}+00' - INTERVAL 1 DAY"
                    + " AND interval_start < TIMESTAMPTZ '${to}+00' + INTERVAL 1 DAY"
                    + "\n      AND timezone('Europe/Paris', interval_start) >= TIMESTAMP '${from}'"
                    + " AND timezone('Europe/Paris', interval_start) < TIMESTAMP '${to}'";

    /** The month's contact totals and the rates derived from them. */
    public static final Query CONTACT_SUMMARY =
            new Query(
                    "contact_summary",
                    """
                    SELECT count(*) AS rows,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           sum(short_abandoned) AS short_abandoned,
                           sum(abandoned) AS abandoned,
                           sum(answered_in_sl) AS answered_in_sl,
                           sum(answered)::DOUBLE / nullif(sum(offered), 0) AS answer_rate,
                           sum(answered_in_sl)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS service_level,
                           sum(abandoned)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS abandon_rate,
                           sum(asa_s * answered) FILTER (WHERE channel IN ('PHONE', 'CHAT'))
                               / nullif(sum(answered) FILTER (WHERE channel IN ('PHONE', 'CHAT')
                                                             AND asa_s IS NOT NULL), 0) AS asa_live_s,
                           sum(aht_s * handled)
                               / nullif(sum(handled) FILTER (WHERE aht_s IS NOT NULL), 0) AS aht_s,
                           sum(identified) AS identified,
                           sum(duplicates) AS duplicates,
                           sum(duplicates_after_abandon) AS duplicates_after_abandon,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS duplicate_rate,
                           sum(duplicates_after_abandon)::DOUBLE
                               / nullif(sum(duplicates), 0) AS after_abandon_share
                    FROM contact_intervals
                    WHERE %s
                    """
                            .formatted(IN_MONTH));

    /** The month's agent totals: occupancy and staffed hours. */
    public static final Query AGENT_SUMMARY =
            new Query(
                    "agent_summary",
                    """
                    SELECT sum(busy_s + wrap_s) / nullif(sum(ready_s + busy_s + wrap_s), 0) AS occupancy,
                           sum(staffed_s) / 3600.0 AS staffed_hours
                    FROM agent_intervals
                    WHERE %s
                    """
                            .formatted(IN_MONTH));

    /** One row per Paris calendar day. */
    public static final Query DAILY =
            new Query(
                    "daily",
                    """
                    SELECT CAST(timezone('Europe/Paris', interval_start) AS DATE) AS day,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           sum(answered_in_sl)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS service_level,
                           sum(abandoned)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS abandon_rate
                    FROM contact_intervals
                    WHERE %s
                    GROUP BY 1
                    ORDER BY 1
                    """
                            .formatted(IN_MONTH));

    /** One row per queue and channel. */
    public static final Query QUEUES =
            new Query(
                    "queues",
                    """
                    SELECT queue, channel,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           sum(answered_in_sl)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS service_level,
                           sum(abandoned)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS abandon_rate,
                           sum(asa_s * answered)
                               / nullif(sum(answered) FILTER (WHERE asa_s IS NOT NULL), 0) AS asa_s,
                           sum(aht_s * handled)
                               / nullif(sum(handled) FILTER (WHERE aht_s IS NOT NULL), 0) AS aht_s,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS duplicate_rate
                    FROM contact_intervals
                    WHERE %s
                    GROUP BY queue, channel
                    ORDER BY queue, channel
                    """
                            .formatted(IN_MONTH));

    /** Service level by ISO weekday (1 = Monday) and Paris hour. */
    public static final Query HEATMAP =
            new Query(
                    "heatmap",
                    """
                    SELECT isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                           hour(timezone('Europe/Paris', interval_start)) AS hour,
                           sum(offered) AS offered,
                           sum(answered_in_sl)::DOUBLE
                               / nullif(sum(offered) - sum(short_abandoned), 0) AS service_level
                    FROM contact_intervals
                    WHERE %s
                    GROUP BY 1, 2
                    ORDER BY 1, 2
                    """
                            .formatted(IN_MONTH));

    /** The ten intents with the most duplicates. */
    public static final Query INTENTS =
            new Query(
                    "intents",
                    """
                    SELECT intent,
                           sum(offered) AS offered,
                           sum(identified) AS identified,
                           sum(duplicates) AS duplicates,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS duplicate_rate,
                           sum(duplicates_after_abandon)::DOUBLE
                               / nullif(sum(duplicates), 0) AS after_abandon_share
                    FROM intent_intervals
                    WHERE %s
                    GROUP BY intent
                    ORDER BY duplicates DESC, intent
                    LIMIT 10
                    """
                            .formatted(IN_MONTH));

    /**
     * Handoffs per target and in total (last row, target null): created in the month, closed in the
     * month, median closing time of those closed in the month, open at the end of the month.
     */
    public static final Query HANDOFFS =
            new Query(
                    "handoffs",
                    """
                    WITH h AS (
                        SELECT target, closing_s, closed_at,
                               timezone('Europe/Paris', created_at) AS created_local,
                               timezone('Europe/Paris', closed_at) AS closed_local
                        FROM handoffs)
                    SELECT target,
                           count(*) FILTER (WHERE created_local >= TIMESTAMP '${from}'
                                              AND created_local < TIMESTAMP '${to}') AS created,
                           count(*) FILTER (WHERE closed_local >= TIMESTAMP '${from}'
                                              AND closed_local < TIMESTAMP '${to}') AS closed,
                           median(closing_s) FILTER (WHERE closed_local >= TIMESTAMP '${from}'
                                              AND closed_local < TIMESTAMP '${to}') / 3600.0
                               AS median_closing_h,
                           count(*) FILTER (WHERE created_local < TIMESTAMP '${to}'
                                              AND (closed_at IS NULL
                                                   OR closed_local >= TIMESTAMP '${to}'))
                               AS open_at_month_end
                    FROM h
                    GROUP BY ROLLUP (target)
                    ORDER BY grouping(target), target
                    """);

    /**
     * The staffing plan against the agents actually staffed, per Paris day: agent-hours planned (Σ
     * scheduled_agents / 4) and staffed (Σ staffed_s / 3600), the peaks of agents per interval
     * (staffed = staffed_s / 900), and the intervals staffed below plan.
     */
    public static final Query STAFFING =
            new Query(
                    "staffing",
                    """
                    WITH plan AS (
                        SELECT interval_start AS ts, sum(scheduled_agents) AS planned
                        FROM (SELECT CAST(interval_start AS TIMESTAMPTZ) AS interval_start,
                                     scheduled_agents
                              FROM staffing)
                        WHERE %1$s
                        GROUP BY 1),
                    actual AS (
                        SELECT interval_start AS ts, sum(staffed_s) / 900.0 AS staffed
                        FROM agent_intervals
                        WHERE %1$s
                        GROUP BY 1),
                    j AS (
                        SELECT coalesce(p.ts, a.ts) AS interval_start,
                               coalesce(p.planned, 0) AS planned,
                               coalesce(a.staffed, 0) AS staffed
                        FROM plan p FULL JOIN actual a ON p.ts = a.ts)
                    SELECT CAST(timezone('Europe/Paris', interval_start) AS DATE) AS day,
                           sum(planned) / 4.0 AS planned_agent_hours,
                           sum(staffed) / 4.0 AS staffed_agent_hours,
                           max(planned) AS peak_planned_agents,
                           max(staffed) AS peak_staffed_agents,
                           count(*) FILTER (WHERE staffed < planned) AS intervals_below_plan
                    FROM j
                    GROUP BY 1
                    HAVING sum(planned) > 0
                    ORDER BY 1
                    """
                            .formatted(IN_MONTH));

    /** The training gaps per queue ({@code training-gaps.csv}), as written. */
    public static final Query TRAINING_GAPS =
            new Query(
                    "training_gaps",
                    """
                    SELECT queue, peak_scheduled_agents, trained_fte, uncovered_agent_hours,
                           worst_interval_uncovered
                    FROM training_gaps
                    ORDER BY uncovered_agent_hours DESC, queue
                    """);

    /** The recommended trainings per queue ({@code training-plan.csv}). */
    public static final Query TRAINING_PLAN =
            new Query(
                    "training_plan",
                    """
                    SELECT train_in AS queue,
                           count(*) AS trainings,
                           string_agg(DISTINCT team, ', ' ORDER BY team) AS teams
                    FROM training_plan
                    GROUP BY train_in
                    ORDER BY trainings DESC, queue
                    """);

    public static final List<Query> ALL =
            List.of(
                    CONTACT_SUMMARY,
                    AGENT_SUMMARY,
                    DAILY,
                    QUEUES,
                    HEATMAP,
                    INTENTS,
                    HANDOFFS,
                    STAFFING,
                    TRAINING_GAPS,
                    TRAINING_PLAN);

    /** The query for {@code month}: Paris-local bounds substituted. */
    public static String sql(Query query, YearMonth month) {
        return query.template()
                .replace("${from}", month.atDay(1) + " 00:00:00")
                .replace("${to}", month.plusMonths(1).atDay(1) + " 00:00:00")
                .strip();
    }
}
