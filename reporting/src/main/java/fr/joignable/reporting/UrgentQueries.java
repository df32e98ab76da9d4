package fr.joignable.reporting;

import static fr.joignable.reporting.ReportQueries.DEN;
import static fr.joignable.reporting.ReportQueries.IN_MONTH;
import static fr.joignable.reporting.ReportQueries.OPEN_SLOTS;

import fr.joignable.reporting.ReportQueries.Query;

/**
 * The queries of the sections "Demandes urgentes" (priority-1 intents, {@link Taxonomy#URGENT}) and
 * "Relances" (duplicates: same tenant, same intent within the duplicate window), over {@code
 * intent_intervals}, {@code contact_intervals} and {@code handoffs}.
 *
 * <p>{@code intent_intervals} counts offers, abandons (short ones included) and duplicates per
 * intent, not answers: the service level an urgent request got is <em>estimated</em> as the service
 * level of the quarter-hour, queue and channel it arrived in, weighted by the urgent contacts
 * offered there: Σ urgent_offered × SL(interval, queue, channel) / Σ urgent_offered.
 */
public final class UrgentQueries {

    private UrgentQueries() {}

    private static final String URGENT_LIST = Taxonomy.sqlList(Taxonomy.URGENT);

    /** The month's intent rows joined with the service level of their contact row. */
    private static final String INTENT_WITH_SL =
            """
            im AS (SELECT * FROM intent_intervals WHERE %1$s),
            sl AS (
                SELECT interval_start, queue, channel,
                       answered_in_sl::DOUBLE / nullif(%2$s, 0) AS service_level
                FROM contact_intervals
                WHERE %1$s),
            j AS (
                SELECT im.*, s.service_level,
                       im.intent IN %3$s AS urgent,
                       im.channel IN ('PHONE', 'CHAT') AS live,
                       isodow(timezone('Europe/Paris', im.interval_start)) AS weekday,
                       hour(timezone('Europe/Paris', im.interval_start)) AS hour
                FROM im
                LEFT JOIN sl s ON im.interval_start = s.interval_start
                              AND im.queue = s.queue AND im.channel = s.channel)"""
                    .formatted(IN_MONTH, DEN, URGENT_LIST);

    /** Per urgent intent and in total (last row, intent null). */
    public static final Query URGENT =
            new Query(
                    "urgent",
                    """
                    WITH %s
                    SELECT intent,
                           sum(offered) AS offered,
                           sum(offered) FILTER (WHERE live) AS live_offered,
                           sum(offered * service_level)
                                   FILTER (WHERE live AND service_level IS NOT NULL)
                               / nullif(sum(offered)
                                   FILTER (WHERE live AND service_level IS NOT NULL), 0)
                               AS live_service_level,
                           (sum(abandoned) FILTER (WHERE live))::DOUBLE
                               / nullif(sum(offered) FILTER (WHERE live), 0) AS live_abandon_share,
                           sum(offered * service_level)
                                   FILTER (WHERE NOT live AND service_level IS NOT NULL)
                               / nullif(sum(offered)
                                   FILTER (WHERE NOT live AND service_level IS NOT NULL), 0)
                               AS written_service_level,
                           sum(duplicates) AS relances,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS relance_rate
                    FROM j
                    WHERE urgent
                    GROUP BY ROLLUP (intent)
                    ORDER BY grouping(intent), offered DESC, intent
                    """
                            .formatted(INTENT_WITH_SL));

    /**
     * Urgent requests handed to a caretaker (target {@code GARDIEN}), created in the month, per
     * intent and in total: how many, how many closed, closing delays (median, 90th percentile,
     * share closed within 24 h of those created) and how many are still open at the end of the
     * data.
     */
    public static final Query URGENT_HANDOFFS =
            new Query(
                    "urgent_handoffs",
                    """
                    WITH h AS (
                        SELECT intent, closing_s, closed_at
                        FROM handoffs
                        WHERE target = 'GARDIEN' AND intent IN %s
                          AND timezone('Europe/Paris', created_at) >= TIMESTAMP '${from}'
                          AND timezone('Europe/Paris', created_at) < TIMESTAMP '${to}')
                    SELECT intent,
                           count(*) AS created,
                           count(closed_at) AS closed,
                           median(closing_s) / 3600.0 AS median_closing_h,
                           quantile_cont(closing_s, 0.9) / 3600.0 AS p90_closing_h,
                           (count(*) FILTER (WHERE closing_s <= 86400))::DOUBLE
                               / count(*) AS closed_within_24h,
                           count(*) - count(closed_at) AS still_open
                    FROM h
                    GROUP BY ROLLUP (intent)
                    ORDER BY grouping(intent), created DESC, intent
                    """
                            .formatted(URGENT_LIST));

    /**
     * Relances by ISO weekday × Paris hour: their share of the contacts offered (all intents), the
     * share after an abandon, with the learnt open flag.
     */
    public static final Query RELANCE_HOURS =
            new Query(
                    "relance_hours",
                    """
                    WITH %2$s,
                    i AS (
                        SELECT isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                               hour(timezone('Europe/Paris', interval_start)) AS hour,
                               sum(offered) AS offered,
                               sum(duplicates) AS relances,
                               sum(duplicates_after_abandon) AS after_abandon
                        FROM intent_intervals
                        WHERE %1$s
                        GROUP BY 1, 2)
                    SELECT i.weekday, i.hour,
                           coalesce(o.open, false) AS open,
                           i.offered, i.relances,
                           i.relances::DOUBLE / nullif(i.offered, 0) AS relance_share,
                           i.after_abandon::DOUBLE / nullif(i.relances, 0) AS after_abandon_share
                    FROM i
                    LEFT JOIN open_slots o ON i.weekday = o.weekday AND i.hour = o.hour
                    ORDER BY 1, 2
                    """
                            .formatted(IN_MONTH, OPEN_SLOTS));

    /** Relances per intent, most first, with the intent's taxonomy priority; then the total. */
    public static final Query RELANCE_INTENTS =
            new Query(
                    "relance_intents",
                    """
                    SELECT intent,
                           CASE WHEN grouping(intent) = 0 THEN %2$s END AS priority,
                           sum(offered) AS offered,
                           sum(identified) AS identified,
                           sum(duplicates) AS relances,
                           sum(duplicates)::DOUBLE / nullif(sum(offered), 0) AS relance_share,
                           sum(duplicates)::DOUBLE / nullif(sum(identified), 0) AS relance_rate,
                           sum(duplicates_after_abandon)::DOUBLE
                               / nullif(sum(duplicates), 0) AS after_abandon_share
                    FROM intent_intervals
                    WHERE %1$s
                    GROUP BY ROLLUP (intent)
                    ORDER BY grouping(intent), relances DESC, intent
                    """
                            .formatted(IN_MONTH, Taxonomy.prioritySql("intent")));

    /**
     * The five open weekday × hour slots with the most relances, one row each, then those five
     * together ({@code TOP}) and every other open slot together ({@code OTHER}): relances, their
     * share, and the (estimated) service level of the urgent phone and chat requests there, against
     * the service level of every live contact there.
     */
    public static final Query RELANCE_PEAK =
            new Query(
                    "relance_peak",
                    """
                    WITH %2$s, %3$s,
                    live_sl AS (
                        SELECT isodow(timezone('Europe/Paris', interval_start)) AS weekday,
                               hour(timezone('Europe/Paris', interval_start)) AS hour,
                               sum(answered_in_sl) FILTER (WHERE channel IN ('PHONE', 'CHAT'))
                                   AS live_in_sl,
                               sum(%4$s) FILTER (WHERE channel IN ('PHONE', 'CHAT')) AS live_den
                        FROM contact_intervals
                        WHERE %1$s
                        GROUP BY 1, 2),
                    slots AS (
                        SELECT weekday, hour,
                               sum(offered) AS offered,
                               sum(duplicates) AS relances,
                               sum(offered) FILTER (WHERE urgent AND live) AS urgent_offered,
                               sum(offered * service_level)
                                   FILTER (WHERE urgent AND live AND service_level IS NOT NULL)
                                   AS urgent_weighted,
                               sum(offered)
                                   FILTER (WHERE urgent AND live AND service_level IS NOT NULL)
                                   AS urgent_weight
                        FROM j
                        GROUP BY 1, 2),
                    ranked AS (
                        SELECT s.*, l.live_in_sl, l.live_den,
                               row_number() OVER (ORDER BY s.relances DESC, s.weekday, s.hour)
                                   AS rank
                        FROM slots s
                        JOIN open_slots o ON s.weekday = o.weekday AND s.hour = o.hour
                        LEFT JOIN live_sl l ON s.weekday = l.weekday AND s.hour = l.hour
                        WHERE o.open),
                    parts AS (
                        SELECT 1 AS part, rank AS ord, NULL AS slot_group, weekday, hour, offered,
                               relances, urgent_offered, urgent_weighted, urgent_weight,
                               live_in_sl, live_den
                        FROM ranked
                        WHERE rank <= 5
                        UNION ALL
                        SELECT 2, CASE WHEN rank <= 5 THEN 1 ELSE 2 END,
                               CASE WHEN rank <= 5 THEN 'TOP' ELSE 'OTHER' END, NULL, NULL,
                               sum(offered), sum(relances), sum(urgent_offered),
                               sum(urgent_weighted), sum(urgent_weight),
                               sum(live_in_sl), sum(live_den)
                        FROM ranked
                        GROUP BY 2, 3)
                    SELECT slot_group, weekday, hour, offered, relances,
                           relances::DOUBLE / nullif(offered, 0) AS relance_share,
                           urgent_offered,
                           urgent_weighted / nullif(urgent_weight, 0) AS urgent_service_level,
                           live_in_sl::DOUBLE / nullif(live_den, 0) AS live_service_level
                    FROM parts
                    ORDER BY part, ord
                    """
                            .formatted(IN_MONTH, OPEN_SLOTS, INTENT_WITH_SL, DEN));
}
