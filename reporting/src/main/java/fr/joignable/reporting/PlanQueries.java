package fr.joignable.reporting;

import static fr.joignable.reporting.ReportQueries.DEN;
import static fr.joignable.reporting.ReportQueries.IN_MONTH;

import fr.joignable.reporting.ReportQueries.Query;

/**
 * Plan against actual, when the data directory holds a forecast ({@code forecast.csv}, view {@code
 * forecast}) and a staffing plan ({@code staffing.csv}, view {@code staffing}) covering part of the
 * month. Only the quarter-hours the forecast or plan covers are compared; weeks are Paris ISO weeks
 * (Monday first), cut at the month's ends.
 */
public final class PlanQueries {

    private PlanQueries() {}

    /**
     * Forecast against actual contacts offered per week and for the covered month (last row, week
     * null): totals, bias = Σ forecast / Σ actual − 1, and WAPE = Σ |forecast − actual| / Σ actual
     * over every (quarter-hour, queue, channel) of the forecast's horizon — the measure {@code
     * joignable forecast --backtest-days} prints — and the same over every (day, queue, channel)
     * ({@code wape_daily}).
     */
    public static final Query PLAN_WEEKS =
            new Query(
                    "plan_weeks",
                    """
                    WITH f AS (
                        SELECT CAST(interval_start AS TIMESTAMPTZ) AS interval_start, queue,
                               channel, offered
                        FROM forecast),
                    horizon AS (SELECT min(interval_start) AS h_first, max(interval_start) AS h_last FROM f),
                    fm AS (SELECT * FROM f WHERE %1$s),
                    am AS (
                        SELECT interval_start, queue, channel, offered
                        FROM contact_intervals, horizon
                        WHERE %1$s AND interval_start >= h_first AND interval_start <= h_last),
                    j AS (
                        SELECT timezone('Europe/Paris',
                                        coalesce(fm.interval_start, am.interval_start)) AS local,
                               coalesce(fm.queue, am.queue) AS queue,
                               coalesce(fm.channel, am.channel) AS channel,
                               coalesce(fm.offered, 0) AS forecast,
                               coalesce(am.offered, 0) AS actual
                        FROM fm
                        FULL JOIN am ON fm.interval_start = am.interval_start
                                    AND fm.queue = am.queue AND fm.channel = am.channel),
                    d AS (
                        SELECT CAST(date_trunc('week', local) AS DATE) AS week,
                               CAST(local AS DATE) AS day, queue, channel,
                               sum(forecast) AS forecast, sum(actual) AS actual,
                               sum(abs(forecast - actual)) AS abs_error
                        FROM j
                        GROUP BY ALL)
                    SELECT week,
                           sum(forecast) AS forecast,
                           sum(actual) AS actual,
                           sum(forecast) / nullif(sum(actual), 0) - 1 AS bias,
                           sum(abs_error) / nullif(sum(actual), 0) AS wape,
                           sum(abs(forecast - actual)) / nullif(sum(actual), 0) AS wape_daily
                    FROM d
                    GROUP BY ROLLUP (week)
                    ORDER BY grouping(week), week
                    """
                            .formatted(IN_MONTH));

    /**
     * Agents planned against agents present, per ISO weekday × Paris hour, over the month's
     * quarter-hours of the plan: planned = mean over those quarter-hours of Σ scheduled_agents
     * (every queue); present = mean of Σ staffed_s / 900 ({@code agent_intervals}, every team); and
     * how many of them were staffed below plan.
     */
    public static final Query PLAN_HOURS =
            new Query(
                    "plan_hours",
                    """
                    WITH p AS (
                        SELECT CAST(interval_start AS TIMESTAMPTZ) AS interval_start,
                               sum(scheduled_agents) AS planned
                        FROM staffing
                        GROUP BY 1),
                    pm AS (SELECT * FROM p WHERE %1$s),
                    a AS (
                        SELECT interval_start, sum(staffed_s) / 900.0 AS present
                        FROM agent_intervals
                        WHERE %1$s
                        GROUP BY 1),
                    j AS (
                        SELECT pm.interval_start, pm.planned, coalesce(a.present, 0) AS present
                        FROM pm LEFT JOIN a ON pm.interval_start = a.interval_start)
                    SELECT isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                           hour(timezone('Europe/Paris', interval_start)) AS hour,
                           avg(planned) AS planned_agents,
                           avg(present) AS present_agents,
                           avg(present - planned) AS gap_agents,
                           count(*) FILTER (WHERE present < planned) AS intervals_below_plan
                    FROM j
                    GROUP BY 1, 2
                    HAVING max(planned) > 0 OR max(present) > 0
                    ORDER BY 1, 2
                    """
                            .formatted(IN_MONTH));

    /**
     * The service level the plan predicted against the one measured, per live channel and week and
     * per channel for the covered month (week null): predicted = Σ (planned offered × planned
     * service_level) / Σ planned offered ({@code staffing.csv}); measured = Σ answered_in_sl / Σ
     * (offered − short_abandoned − closed) over the same quarter-hours, queues and channel.
     */
    public static final Query PLAN_SERVICE_LEVEL =
            new Query(
                    "plan_service_level",
                    """
                    WITH s AS (
                        SELECT CAST(interval_start AS TIMESTAMPTZ) AS interval_start, queue,
                               channel, offered, service_level
                        FROM staffing
                        WHERE channel IN ('PHONE', 'CHAT')),
                    sm AS (SELECT * FROM s WHERE %1$s),
                    c AS (
                        SELECT interval_start, queue, channel, answered_in_sl, %2$s AS den
                        FROM contact_intervals
                        WHERE %1$s),
                    j AS (
                        SELECT sm.*, c.answered_in_sl, c.den,
                               CAST(date_trunc('week', timezone('Europe/Paris', sm.interval_start))
                                    AS DATE) AS week
                        FROM sm
                        LEFT JOIN c ON sm.interval_start = c.interval_start
                                   AND sm.queue = c.queue AND sm.channel = c.channel)
                    SELECT channel, week,
                           sum(offered * service_level) FILTER (WHERE service_level IS NOT NULL)
                               / nullif(sum(offered) FILTER (WHERE service_level IS NOT NULL), 0)
                               AS predicted_service_level,
                           sum(answered_in_sl)::DOUBLE / nullif(sum(den), 0)
                               AS measured_service_level
                    FROM j
                    GROUP BY GROUPING SETS ((channel, week), (channel))
                    ORDER BY list_position(['PHONE', 'CHAT'], channel), grouping(week), week
                    """
                            .formatted(IN_MONTH, DEN));
}
