package fr.joignable.forecasting.staffing;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Intervals;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roster's real presence, from the history: the what-if "with today's agents, as they are
 * actually present, what service level per queue and hour?".
 *
 * <p>{@code agent_intervals} ({@code kpis.md}) gives per team and interval the seconds agents were
 * available for contacts, {@code ready_s + busy_s + wrap_s} (not {@code not_ready_s}: breaks,
 * training). A forecast interval {@code t} takes the team's availability at the latest {@code t −
 * 7k} days (k ≥ 1 whole weeks) inside the history — the same hour of the same weekday — as {@code
 * round(available_s / 900)} agents of the team, the first of the team's roster agents in the order
 * of {@link ReplayAgents} (copies when the history shows more agents than the roster has).
 */
public final class HistoryPresence {

    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;

    private HistoryPresence() {}

    /** Simulated agents present as the history's teams were. */
    public static List<PlanSimulator.Agent> agents(
            Path data, Replay.Workload w, StaffRoster roster) {
        Map<String, Map<Long, Double>> byTeam = read(data);
        long last = Long.MIN_VALUE;
        for (Map<Long, Double> m : byTeam.values()) {
            for (long t : m.keySet()) {
                last = Math.max(last, t);
            }
        }
        Pools.Pool all = new Pools.Pool("ALL", new ArrayList<>(w.queues()));
        List<StaffRoster.Agent> order = ReplayAgents.order(w, all, roster);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Long, Double>> e : byTeam.entrySet()) {
            int[] n = new int[w.size()];
            for (int u = 0; u < w.size(); u++) {
                long t = w.instant(u).toEpochMilli();
                long weeks = Math.max(1, (long) Math.ceil((t - last) / (double) WEEK_MS));
                Double seconds = e.getValue().get(t - weeks * WEEK_MS);
                n[u] = seconds == null ? 0 : (int) Math.round(seconds / Intervals.INTERVAL_SECONDS);
            }
            counts.put(e.getKey(), n);
        }
        List<PlanSimulator.Agent> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            List<StaffRoster.Agent> team = new ArrayList<>();
            for (StaffRoster.Agent a : order) {
                if (a.team().equals(e.getKey())) {
                    team.add(a);
                }
            }
            if (team.isEmpty()) {
                continue; // a team the roster does not have: its skills are unknown
            }
            out.addAll(ReplayAgents.present(team, e.getValue()));
        }
        if (out.isEmpty()) {
            throw new InputException(data + ": no agent_intervals row of a team of the roster");
        }
        return out;
    }

    private static Map<String, Map<Long, Double>> read(Path data) {
        String source;
        Path dir = data.resolve("agent_intervals");
        if (Files.isDirectory(dir)) {
            source =
                    "read_parquet('"
                            + (dir.toAbsolutePath() + "/**/*.parquet").replace("'", "''")
                            + "', hive_partitioning=true, union_by_name=true)";
        } else if (Files.isRegularFile(data.resolve("agent_intervals.csv"))) {
            source =
                    "read_csv_auto('"
                            + data.resolve("agent_intervals.csv")
                                    .toAbsolutePath()
                                    .toString()
                                    .replace("'", "''")
                            + "', header=true)";
        } else {
            throw new InputException(
                    data + ": no agent_intervals (Parquet directory or agent_intervals.csv)");
        }
        Map<String, Map<Long, Double>> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT epoch_ms(CAST(interval_start AS TIMESTAMP)), team,"
                                        + " sum(coalesce(ready_s, 0) + coalesce(busy_s, 0)"
                                        + " + coalesce(wrap_s, 0)) FROM "
                                        + source
                                        + " GROUP BY 1, 2")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                        .put(rs.getLong(1), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw new InputException(data + ": cannot read agent_intervals: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new InputException(data + ": agent_intervals has no rows");
        }
        return out;
    }
}
