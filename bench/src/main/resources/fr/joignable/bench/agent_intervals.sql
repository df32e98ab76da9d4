-- agent_intervals computed straight from an events file with DuckDB (kpis.md), independently of
-- the Flink job. A state lasts from its event to the same agent's next one; the last one to the
-- largest ts among all the accepted events of the input; at equal times the smaller eventId comes
-- first, so no order of the lines changes the result. Parameter: ${EVENTS}.
WITH raw AS (
  SELECT * FROM read_json(${EVENTS}, format = 'newline_delimited', ignore_errors = true,
    columns = {eventId: 'VARCHAR', type: 'VARCHAR', ts: 'VARCHAR', agentId: 'VARCHAR',
               team: 'VARCHAR', state: 'VARCHAR'})
  WHERE eventId IS NOT NULL AND type IS NOT NULL AND ts IS NOT NULL
), ev AS (
  SELECT eventId, any_value(type) AS type, any_value(agentId) AS agent, any_value(team) AS team,
         any_value(state) AS state, epoch_ms(CAST(any_value(ts) AS TIMESTAMPTZ)) AS t
  FROM raw GROUP BY eventId
), data_end AS (
  SELECT max(t) AS t_max FROM ev
), seg AS (
  SELECT agent, team, state, t AS t0,
         coalesce(lead(t) OVER (PARTITION BY agent ORDER BY t, eventId), (SELECT t_max FROM data_end)) AS t1
  FROM ev WHERE type = 'AGENT_STATE'
), piece AS (
  SELECT team, state,
         greatest(t0, b) AS p0, least(t1, b + 900000) AS p1, b
  FROM (SELECT *, unnest(range((t0 // 900000) * 900000, t1, 900000)) AS b
        FROM seg WHERE t1 > t0 AND state <> 'LOGGED_OUT')
)
SELECT strftime(make_timestamp(b * 1000), '%Y-%m-%dT%H:%M:%SZ') AS interval_start, team,
       sum(p1 - p0) / 1000.0 AS staffed_s,
       coalesce(sum(p1 - p0) FILTER (WHERE state = 'READY'), 0) / 1000.0 AS ready_s,
       coalesce(sum(p1 - p0) FILTER (WHERE state = 'BUSY'), 0) / 1000.0 AS busy_s,
       coalesce(sum(p1 - p0) FILTER (WHERE state = 'WRAP_UP'), 0) / 1000.0 AS wrap_s,
       coalesce(sum(p1 - p0) FILTER (WHERE state = 'NOT_READY'), 0) / 1000.0 AS not_ready_s,
       (coalesce(sum(p1 - p0) FILTER (WHERE state IN ('BUSY', 'WRAP_UP')), 0))
         / nullif(sum(p1 - p0) FILTER (WHERE state IN ('READY', 'BUSY', 'WRAP_UP')), 0)
         AS occupancy
FROM piece WHERE p1 > p0 GROUP BY ALL
ORDER BY interval_start, team
