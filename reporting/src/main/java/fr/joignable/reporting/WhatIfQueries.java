package fr.joignable.reporting;

import fr.joignable.reporting.ReportQueries.Query;

/**
 * The what-if of today's roster ({@code whatif.csv}, view {@code whatif}, written by {@code
 * simulate}; {@code fr.joignable.domain.table.WhatIfTable}) beside the plan ({@code staffing.csv},
 * whose live rows carry the service level the plan's own simulation check measured). Both cover the
 * forecast's horizon, which is usually after the report's month: these queries are not cut to the
 * month. Service levels are weighted by the contacts (simulated for the what-if, forecast for the
 * plan), over the live rows with a defined service level.
 */
final class WhatIfQueries {

    private WhatIfQueries() {}

    /** Per queue and live channel: contacts, the plan's and today's roster's simulated SL. */
    static final Query QUEUES =
            new Query(
                    "whatif_queues",
                    """
                    WITH w AS (
                        SELECT queue, channel,
                               sum(offered) AS offered,
                               sum(service_level * offered)
                                 / nullif(sum(offered) FILTER (WHERE service_level IS NOT NULL), 0)
                                 AS whatif_service_level,
                               sum(abandon_rate * offered)
                                 / nullif(sum(offered) FILTER (WHERE abandon_rate IS NOT NULL), 0)
                                 AS whatif_abandon_rate,
                               min(CAST(interval_start AS TIMESTAMPTZ)) AS h_first,
                               max(CAST(interval_start AS TIMESTAMPTZ)) AS h_last
                        FROM whatif
                        GROUP BY ALL),
                    p AS (
                        SELECT queue, channel,
                               sum(service_level * offered)
                                 / nullif(sum(offered) FILTER (WHERE service_level IS NOT NULL), 0)
                                 AS plan_service_level
                        FROM staffing
                        WHERE channel IN ('PHONE', 'CHAT')
                          AND CAST(interval_start AS TIMESTAMPTZ)
                              BETWEEN (SELECT min(h_first) FROM w) AND (SELECT max(h_last) FROM w)
                        GROUP BY ALL)
                    SELECT w.queue, w.channel, w.offered, p.plan_service_level,
                           w.whatif_service_level, w.whatif_abandon_rate
                    FROM w LEFT JOIN p ON w.queue = p.queue AND w.channel = p.channel
                    ORDER BY w.channel DESC, w.queue
                    """);

    /**
     * Per ISO weekday × Paris hour, phone: the plan's and today's roster's simulated SL, and the
     * queue doing worst with today's roster (hours with at least 20 simulated calls).
     */
    static final Query HOURS =
            new Query(
                    "whatif_hours",
                    """
                    WITH w AS (
                        SELECT isodow(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ)))
                                 AS weekday,
                               hour(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ)))
                                 AS hour,
                               queue, sum(offered) AS o, sum(service_level * offered) AS s
                        FROM whatif
                        WHERE channel = 'PHONE' AND service_level IS NOT NULL
                        GROUP BY ALL),
                    p AS (
                        SELECT isodow(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ)))
                                 AS weekday,
                               hour(timezone('Europe/Paris', CAST(interval_start AS TIMESTAMPTZ)))
                                 AS hour,
                               sum(offered) AS o, sum(service_level * offered) AS s
                        FROM staffing
                        WHERE channel = 'PHONE' AND service_level IS NOT NULL
                          AND CAST(interval_start AS TIMESTAMPTZ)
                              BETWEEN (SELECT min(CAST(interval_start AS TIMESTAMPTZ)) FROM whatif)
                                  AND (SELECT max(CAST(interval_start AS TIMESTAMPTZ)) FROM whatif)
                        GROUP BY ALL),
                    g AS (
                        SELECT weekday, hour, sum(o) AS offered, sum(s) / nullif(sum(o), 0) AS sl,
                               arg_min(queue, s / nullif(o, 0)) AS worst_queue,
                               min(s / nullif(o, 0)) AS worst_service_level
                        FROM w
                        GROUP BY ALL)
                    SELECT g.weekday, g.hour, g.offered, p.s / nullif(p.o, 0) AS plan_service_level,
                           g.sl AS whatif_service_level, g.worst_queue, g.worst_service_level
                    FROM g LEFT JOIN p ON g.weekday = p.weekday AND g.hour = p.hour
                    WHERE g.offered >= 20
                    ORDER BY g.weekday, g.hour
                    """);
}
