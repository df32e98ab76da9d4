-- contact_intervals computed straight from an events file with DuckDB, following kpis.md and
-- events.md word by word, independently of the Flink job: the benchmark's baseline and the
-- tests' oracle. Parameters (replaced before running): ${EVENTS} the file, ${WINDOW_MS} the
-- duplicate window; thresholds are the kpis.md defaults per channel.
WITH raw AS (
  SELECT * FROM read_json(${EVENTS}, format = 'newline_delimited', ignore_errors = true,
    columns = {eventId: 'VARCHAR', type: 'VARCHAR', ts: 'VARCHAR', contactId: 'VARCHAR',
               channel: 'VARCHAR', queue: 'VARCHAR', intent: 'VARCHAR', tenantId: 'VARCHAR',
               reason: 'VARCHAR'})
  WHERE type IN ('CONTACT_OFFERED', 'CONTACT_ANSWERED', 'CONTACT_ABANDONED', 'CONTACT_DIVERTED',
                 'CONTACT_ENDED', 'WRAPUP_ENDED')
), ev AS (          -- a redelivered eventId counts once
  SELECT any_value(type) AS type, any_value(contactId) AS cid,
         epoch_ms(CAST(any_value(ts) AS TIMESTAMPTZ)) AS t,
         any_value(channel) AS channel, any_value(queue) AS queue, any_value(intent) AS intent,
         any_value(tenantId) AS tenant, any_value(reason) AS reason
  FROM raw GROUP BY eventId
), offer AS (
  SELECT cid, arg_min(channel, t) AS channel, arg_min(queue, t) AS queue,
         arg_min(intent, t) AS intent, arg_min(tenant, t) AS tenant, min(t) AS t_offer
  FROM ev WHERE type = 'CONTACT_OFFERED' GROUP BY cid
), outcome AS (
  SELECT cid,
         min(t) FILTER (WHERE type = 'CONTACT_ANSWERED') AS t_answer,
         min(t) FILTER (WHERE type = 'CONTACT_ABANDONED') AS t_abandon,
         min(t) FILTER (WHERE type = 'CONTACT_DIVERTED') AS t_divert,
         arg_min(reason, t) FILTER (WHERE type = 'CONTACT_DIVERTED') AS divert_reason,
         min(t) FILTER (WHERE type = 'CONTACT_ENDED') AS t_end,
         min(t) FILTER (WHERE type = 'WRAPUP_ENDED') AS t_wrap
  FROM ev WHERE type <> 'CONTACT_OFFERED' GROUP BY cid
), contact AS (
  SELECT o.*, x.t_answer, x.t_end, x.t_wrap,
         CASE WHEN x.t_answer IS NOT NULL THEN 'ANSWERED'
              WHEN x.t_divert IS NOT NULL AND (x.t_abandon IS NULL OR x.t_divert <= x.t_abandon)
                   THEN 'DIVERTED'
              WHEN x.t_abandon IS NOT NULL THEN 'ABANDONED' END AS result,
         CASE WHEN x.t_answer IS NOT NULL THEN x.t_answer - o.t_offer
              WHEN x.t_abandon IS NOT NULL THEN x.t_abandon - o.t_offer END AS wait_ms,
         x.divert_reason,
         CASE o.channel WHEN 'PHONE' THEN 20000 WHEN 'CHAT' THEN 60000 ELSE 172800000 END AS sl_ms,
         CASE o.channel WHEN 'PHONE' THEN 5000 WHEN 'CHAT' THEN 5000 ELSE 0 END AS short_ms
  FROM offer o LEFT JOIN outcome x USING (cid)
), flagged AS (
  SELECT *,
         result = 'ABANDONED' AND wait_ms < short_ms AS is_short,
         result = 'ABANDONED' AND wait_ms >= short_ms AS is_abandoned,
         result = 'DIVERTED' AND divert_reason = 'CLOSED' AS is_closed,
         lag(t_offer) OVER w AS prev_t,
         lag(result) OVER w AS prev_result
  FROM contact
  WINDOW w AS (PARTITION BY tenant, intent ORDER BY t_offer, cid)
), offered AS (
  SELECT (t_offer // 900000) * 900000 AS slot, queue, channel,
         count(*) AS offered,
         count(*) FILTER (WHERE result = 'ANSWERED') AS answered,
         count(*) FILTER (WHERE is_short) AS short_abandoned,
         count(*) FILTER (WHERE is_abandoned) AS abandoned,
         count(*) FILTER (WHERE result = 'ANSWERED' AND wait_ms <= sl_ms) AS answered_in_sl,
         avg(wait_ms / 1000.0) FILTER (WHERE result = 'ANSWERED') AS asa_s,
         count(*) FILTER (WHERE tenant IS NOT NULL) AS identified,
         count(*) FILTER (WHERE tenant IS NOT NULL AND prev_t > t_offer - ${WINDOW_MS})
             AS duplicates,
         count(*) FILTER (WHERE tenant IS NOT NULL AND prev_t > t_offer - ${WINDOW_MS}
                                AND prev_result = 'ABANDONED') AS duplicates_after_abandon,
         count(*) FILTER (WHERE result = 'DIVERTED') AS diverted,
         count(*) FILTER (WHERE is_closed) AS closed
  FROM flagged GROUP BY ALL
), handled AS (
  SELECT (t_end // 900000) * 900000 AS slot, queue, channel, count(*) AS handled,
         avg((t_end - t_answer + coalesce(t_wrap - t_end, 0)) / 1000.0) AS aht_s
  FROM contact WHERE t_end IS NOT NULL AND t_answer IS NOT NULL GROUP BY ALL
)
SELECT strftime(make_timestamp(slot * 1000), '%Y-%m-%dT%H:%M:%SZ') AS interval_start,
       queue, channel,
       coalesce(offered, 0) AS offered, coalesce(answered, 0) AS answered,
       coalesce(short_abandoned, 0) AS short_abandoned, coalesce(abandoned, 0) AS abandoned,
       coalesce(answered_in_sl, 0) AS answered_in_sl,
       answered_in_sl / nullif(offered - short_abandoned - closed, 0) AS service_level,
       abandoned / nullif(offered - short_abandoned - closed, 0) AS abandon_rate,
       asa_s, coalesce(handled, 0) AS handled, aht_s,
       coalesce(identified, 0) AS identified, coalesce(duplicates, 0) AS duplicates,
       coalesce(duplicates_after_abandon, 0) AS duplicates_after_abandon,
       duplicates / nullif(identified, 0) AS duplicate_rate,
       coalesce(diverted, 0) AS diverted, coalesce(closed, 0) AS closed
FROM offered FULL OUTER JOIN handled USING (slot, queue, channel)
ORDER BY interval_start, queue, channel
