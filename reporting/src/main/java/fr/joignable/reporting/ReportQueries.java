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
    static final String IN_MONTH =
            "interval_start >= TIMESTAMPTZ '${from}+00' - INTERVAL 1 DAY"
                    + " AND interval_start < TIMESTAMPTZ '${to}+00' + INTERVAL 1 DAY"
                    + "\n      AND timezone('Europe/Paris', interval_start) >= TIMESTAMP '${from}'"
                    + " AND timezone('Europe/Paris', interval_start) < TIMESTAMP '${to}'";

    /**
     * The denominator of service level and abandon rate ({@code kpis.md}): offered minus short
     * abandons minus calls that arrived while the centre was closed.
     */
    static final String DEN = "offered - short_abandoned - closed";

    /** The live channels: the tenant waits on line; their thresholds are in seconds. */
    static final String LIVE = "channel IN ('PHONE', 'CHAT')";

    /**
     * The month's opening hours, learnt from the data (CTEs {@code open_days}, {@code open_slots}):
     * a Paris day is open when a phone or chat contact offered that day was answered; an hour of a
     * weekday is open when, on at least half of the month's open days of that weekday, a phone or
     * chat contact offered in that hour was answered.
     */
    static final String OPEN_SLOTS =
            """
            open_hours AS (
                SELECT CAST(timezone('Europe/Paris', interval_start) AS DATE) AS day,
                       isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                       hour(timezone('Europe/Paris', interval_start)) AS hour,
                       coalesce(sum(answered) FILTER (WHERE %2$s), 0) AS live_answered
                FROM contact_intervals
                WHERE %1$s
                GROUP BY 1, 2, 3),
            open_days AS (
                SELECT day, weekday FROM open_hours GROUP BY 1, 2 HAVING sum(live_answered) > 0),
            weekdays AS (SELECT weekday, count(*) AS days_open FROM open_days GROUP BY 1),
            open_slots AS (
                SELECT h.weekday, h.hour, w.days_open,
                       count(*) FILTER (WHERE h.live_answered > 0) AS days_answered,
                       count(*) FILTER (WHERE h.live_answered > 0) * 2 >= w.days_open AS open
                FROM open_hours h
                JOIN open_days d ON h.day = d.day
                JOIN weekdays w ON h.weekday = w.weekday
                GROUP BY h.weekday, h.hour, w.days_open)"""
                    .formatted(IN_MONTH, LIVE);

    /** The month's contact totals over every channel (counts, handling time, duplicates). */
    public static final Query CONTACT_SUMMARY =
            new Query(
                    "contact_summary",
                    """
                    SELECT count(*) AS rows,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           sum(closed) AS closed,
                           sum(diverted) - sum(closed) AS turned_away,
                           sum(answered)::DOUBLE / nullif(sum(offered) - sum(closed), 0) AS answer_rate,
                           sum(handled) AS handled,
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

    /**
     * Service per channel, each against its own threshold, and the deferred channels together (row
     * {@code WRITTEN}): closed = calls while closed, turned away = diverted for any other reason
     * (queue full, no agent, wait limit, menu exit), backlog = offered contacts with no outcome at
     * the end of the data (still waiting).
     */
    public static final Query CHANNELS =
            new Query(
                    "channels",
                    """
                    WITH c AS (
                        SELECT *, NOT (%2$s) AS deferred
                        FROM contact_intervals
                        WHERE %1$s)
                    SELECT CASE WHEN grouping(channel) = 1 THEN 'WRITTEN' ELSE channel END
                               AS channel,
                           sum(offered) AS offered,
                           sum(closed) AS closed,
                           sum(diverted) - sum(closed) AS turned_away,
                           sum(answered) AS answered,
                           sum(answered_in_sl)::DOUBLE
                               / nullif(sum(%3$s), 0) AS service_level,
                           sum(abandoned)::DOUBLE / nullif(sum(%3$s), 0) AS abandon_rate,
                           sum(asa_s * answered)
                               / nullif(sum(answered) FILTER (WHERE asa_s IS NOT NULL), 0) AS asa_s,
                           sum(aht_s * handled)
                               / nullif(sum(handled) FILTER (WHERE aht_s IS NOT NULL), 0) AS aht_s,
                           sum(offered - answered - short_abandoned - abandoned - diverted)
                               AS backlog
                    FROM c
                    GROUP BY GROUPING SETS ((channel), (deferred))
                    HAVING grouping(channel) = 0 OR deferred
                    ORDER BY grouping(channel),
                             list_position(['PHONE', 'CHAT', 'EMAIL', 'LETTER', 'PORTAL'], channel),
                             channel
                    """
                            .formatted(IN_MONTH, LIVE, DEN));

    /** The month's agent totals: occupancy and agent-hours by state. */
    public static final Query AGENT_SUMMARY =
            new Query(
                    "agent_summary",
                    """
                    SELECT sum(busy_s + wrap_s) / nullif(sum(ready_s + busy_s + wrap_s), 0) AS occupancy,
                           sum(staffed_s) / 3600.0 AS staffed_hours,
                           sum(busy_s + wrap_s) / 3600.0 AS productive_hours,
                           sum(ready_s) / 3600.0 AS ready_hours,
                           sum(not_ready_s) / 3600.0 AS not_ready_hours
                    FROM agent_intervals
                    WHERE %s
                    """
                            .formatted(IN_MONTH));

    /**
     * One row per Paris calendar day: all channels' counts, phone and chat service level and phone
     * abandon rate, and whether the centre was open (a live contact answered).
     */
    public static final Query DAILY =
            new Query(
                    "daily",
                    """
                    SELECT CAST(timezone('Europe/Paris', interval_start) AS DATE) AS day,
                           coalesce(sum(answered) FILTER (WHERE %2$s), 0) > 0 AS open,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           (sum(answered_in_sl) FILTER (WHERE channel = 'PHONE'))::DOUBLE
                               / nullif(sum(%3$s) FILTER (WHERE channel = 'PHONE'), 0)
                               AS phone_service_level,
                           (sum(answered_in_sl) FILTER (WHERE channel = 'CHAT'))::DOUBLE
                               / nullif(sum(%3$s) FILTER (WHERE channel = 'CHAT'), 0)
                               AS chat_service_level,
                           (sum(abandoned) FILTER (WHERE channel = 'PHONE'))::DOUBLE
                               / nullif(sum(%3$s) FILTER (WHERE channel = 'PHONE'), 0)
                               AS phone_abandon_rate,
                           sum(closed) AS closed
                    FROM contact_intervals
                    WHERE %1$s
                    GROUP BY 1
                    ORDER BY 1
                    """
                            .formatted(IN_MONTH, LIVE, DEN));

    /** One row per queue and channel. */
    public static final Query QUEUES =
            new Query(
                    "queues",
                    """
                    SELECT queue, channel,
                           sum(offered) AS offered,
                           sum(answered) AS answered,
                           sum(answered_in_sl)::DOUBLE / nullif(sum(%2$s), 0) AS service_level,
                           sum(abandoned)::DOUBLE / nullif(sum(%2$s), 0) AS abandon_rate,
                           sum(asa_s * answered)
                               / nullif(sum(answered) FILTER (WHERE asa_s IS NOT NULL), 0) AS asa_s,
                           sum(aht_s * handled)
                               / nullif(sum(handled) FILTER (WHERE aht_s IS NOT NULL), 0) AS aht_s,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS duplicate_rate
                    FROM contact_intervals
                    WHERE %1$s
                    GROUP BY queue, channel
                    ORDER BY queue, channel
                    """
                            .formatted(IN_MONTH, DEN));

    /** The learnt opening hours, per ISO weekday (1 = Monday): first and last open hour. */
    public static final Query OPENING_HOURS =
            new Query(
                    "opening_hours",
                    """
                    WITH %s
                    SELECT weekday,
                           min(hour) FILTER (WHERE open) AS first_hour,
                           max(hour) FILTER (WHERE open) + 1 AS end_hour,
                           count(*) FILTER (WHERE open) AS open_hours,
                           max(days_open) AS days_open
                    FROM open_slots
                    GROUP BY weekday
                    ORDER BY weekday
                    """
                            .formatted(OPEN_SLOTS));

    /**
     * Phone and chat service level by ISO weekday (1 = Monday) and Paris hour, with the learnt open
     * flag: a closed hour has no service level (blank, marked closed), not a perfect one.
     */
    public static final Query HEATMAP =
            new Query(
                    "heatmap",
                    """
                    WITH %2$s,
                    cells AS (
                        SELECT isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                               hour(timezone('Europe/Paris', interval_start)) AS hour,
                               sum(offered) FILTER (WHERE channel = 'PHONE') AS phone_offered,
                               (sum(answered_in_sl) FILTER (WHERE channel = 'PHONE'))::DOUBLE
                                   / nullif(sum(%3$s) FILTER (WHERE channel = 'PHONE'), 0)
                                   AS phone_service_level,
                               (sum(answered_in_sl) FILTER (WHERE channel = 'CHAT'))::DOUBLE
                                   / nullif(sum(%3$s) FILTER (WHERE channel = 'CHAT'), 0)
                                   AS chat_service_level
                        FROM contact_intervals
                        WHERE %1$s
                        GROUP BY 1, 2)
                    SELECT c.weekday, c.hour,
                           coalesce(o.open, false) AS open,
                           c.phone_offered,
                           CASE WHEN coalesce(o.open, false) THEN c.phone_service_level END
                               AS phone_service_level,
                           CASE WHEN coalesce(o.open, false) THEN c.chat_service_level END
                               AS chat_service_level
                    FROM cells c
                    LEFT JOIN open_slots o ON c.weekday = o.weekday AND c.hour = o.hour
                    ORDER BY 1, 2
                    """
                            .formatted(IN_MONTH, OPEN_SLOTS, DEN));

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

    /** Every query of the report, in report order (the sections' queries included). */
    public static final List<Query> ALL =
            List.of(
                    CONTACT_SUMMARY,
                    CHANNELS,
                    AGENT_SUMMARY,
                    DAILY,
                    OPENING_HOURS,
                    HEATMAP,
                    UrgentQueries.URGENT,
                    UrgentQueries.URGENT_HANDOFFS,
                    UrgentQueries.RELANCE_HOURS,
                    UrgentQueries.RELANCE_INTENTS,
                    UrgentQueries.RELANCE_PEAK,
                    PlanQueries.PLAN_WEEKS,
                    PlanQueries.PLAN_HOURS,
                    PlanQueries.PLAN_SERVICE_LEVEL,
                    BudgetQueries.PEAK_WEEK,
                    BudgetQueries.PEAK_WEEK_LOAD,
                    QUEUES,
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
