package fr.joignable.reporting;

import static fr.joignable.reporting.ReportQueries.DEN;
import static fr.joignable.reporting.ReportQueries.IN_MONTH;

import fr.joignable.reporting.ReportQueries.Query;

/**
 * The queries of the budget section: the month's peak week (the Paris ISO week, cut at the month's
 * ends, with the most phone and chat contacts offered) and its load per quarter-hour, which {@link
 * ServiceLevelCost} staffs at 70, 80 and 90 %. The month's agent-hours come from {@link
 * ReportQueries#AGENT_SUMMARY}, the contacts handled from {@link ReportQueries#CONTACT_SUMMARY}.
 */
public final class BudgetQueries {

    private BudgetQueries() {}

    private static final String PEAK =
            """
            m AS (
                SELECT *,
                       CAST(date_trunc('week', timezone('Europe/Paris', interval_start)) AS DATE)
                           AS week
                FROM contact_intervals
                WHERE %s),
            peak AS (
                SELECT week
                FROM m
                GROUP BY week
                ORDER BY sum(offered) FILTER (WHERE channel IN ('PHONE', 'CHAT')) DESC NULLS LAST,
                         week
                LIMIT 1)"""
                    .formatted(IN_MONTH);

    /**
     * The peak week: its Monday, the live contacts offered, the measured phone and chat service
     * level, and the agent-hours logged in that week (Σ staffed_s / 3600 over its quarter-hours in
     * the month).
     */
    public static final Query PEAK_WEEK =
            new Query(
                    "peak_week",
                    """
                    WITH %2$s,
                    agents AS (
                        SELECT CAST(date_trunc('week', timezone('Europe/Paris', interval_start))
                                    AS DATE) AS week,
                               sum(staffed_s) / 3600.0 AS staffed_hours
                        FROM agent_intervals
                        WHERE %1$s
                        GROUP BY 1)
                    SELECT peak.week,
                           sum(offered) FILTER (WHERE channel IN ('PHONE', 'CHAT')) AS live_offered,
                           (sum(answered_in_sl) FILTER (WHERE channel = 'PHONE'))::DOUBLE
                               / nullif(sum(%3$s) FILTER (WHERE channel = 'PHONE'), 0)
                               AS phone_service_level,
                           (sum(answered_in_sl) FILTER (WHERE channel = 'CHAT'))::DOUBLE
                               / nullif(sum(%3$s) FILTER (WHERE channel = 'CHAT'), 0)
                               AS chat_service_level,
                           any_value(agents.staffed_hours) AS staffed_hours
                    FROM m
                    JOIN peak ON m.week = peak.week
                    LEFT JOIN agents ON agents.week = peak.week
                    GROUP BY peak.week
                    """
                            .formatted(IN_MONTH, PEAK, DEN));

    /**
     * The peak week's load per quarter-hour and channel: contacts that reached a queue (offered −
     * closed), their mean handling time (Σ aht_s · handled / Σ handled in that quarter-hour, else
     * the channel's over the week) and the handling work in seconds (Σ aht_s · handled).
     */
    public static final Query PEAK_WEEK_LOAD =
            new Query(
                    "peak_week_load",
                    """
                    WITH %s
                    SELECT m.interval_start, m.channel,
                           sum(offered - closed) AS offered,
                           sum(aht_s * handled)
                               / nullif(sum(handled) FILTER (WHERE aht_s IS NOT NULL), 0) AS aht_s,
                           sum(sum(aht_s * handled)) OVER (PARTITION BY m.channel)
                               / nullif(sum(sum(handled) FILTER (WHERE aht_s IS NOT NULL))
                                   OVER (PARTITION BY m.channel), 0) AS week_aht_s,
                           coalesce(sum(aht_s * handled), 0) AS work_s
                    FROM m
                    JOIN peak ON m.week = peak.week
                    GROUP BY m.interval_start, m.channel
                    ORDER BY 1, 2
                    """
                            .formatted(PEAK));
}
