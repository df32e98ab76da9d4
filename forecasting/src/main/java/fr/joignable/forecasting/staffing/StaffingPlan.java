package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.domain.table.Csv;
import fr.joignable.domain.table.ForecastTable;
import fr.joignable.domain.table.StaffingTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a forecast ({@code interval_start,queue,channel,offered,aht_s}, 15-minute intervals) into a
 * staffing plan ({@code interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,
 * service_level,occupancy,asa_s}) by pools of agents ({@link Pools}): per pool and interval the
 * live members staffed together ({@link LivePool}: Erlang A, or Erlang C without patience; a single
 * member is exactly its own Erlang model), optionally corrected by simulation ({@link
 * SimulationCheck}), the deferred work placed as a backlog ({@link DeferredBacklog}), then one
 * rounding per pool with the absence factor ({@link PoolPlanner}). Each row's {@code agents} is its
 * share of its pool. {@code docs/staffing.md} gives the formulas, assumptions and references.
 *
 * <p>A row with nothing offered (and, for deferred channels, no work done in it) gets 0 agents and
 * empty {@code service_level}/{@code occupancy}/{@code asa_s} (undefined, as in {@code kpis.md}).
 */
public final class StaffingPlan {

    public static final String FORECAST_HEADER = ForecastTable.HEADER;

    public static final String STAFFING_HEADER = StaffingTable.HEADER;

    /** Slack removed before rounding workload agents up (floating noise must not cost one). */
    static final double ROUNDING_EPSILON = 1e-9;

    public static final String POOLS_HEADER =
            "interval_start,pool,queues,live_erlangs,live_agents,deferred_agents,agents,scheduled_agents,service_levels";

    public static final String BACKLOG_HEADER = "date,queue,channel,backlog_contacts,backlog_hours";

    /**
     * One pool in one interval: its live traffic, whole live agents, deferred full-time
     * equivalents, their sum, the scheduled agents (whole, absence applied once) and each live
     * member's predicted service level ({@code QUEUE/CHANNEL=0.83}, {@code ;}-separated).
     */
    public record PoolRow(
            Instant intervalStart,
            Pools.Pool pool,
            double liveErlangs,
            int liveAgents,
            double deferredAgents,
            int scheduledAgents,
            String serviceLevels) {

        public double agents() {
            return liveAgents + deferredAgents;
        }
    }

    /** Deferred work not yet done at the end of a local day, in contacts and handle hours. */
    public record BacklogDay(
            LocalDate date, String queue, Channel channel, double contacts, double hours) {}

    /** A whole plan. */
    public record Plan(List<StaffingRow> rows, List<PoolRow> pools, List<BacklogDay> backlog) {}

    /** One forecast row. */
    public record ForecastRow(
            Instant intervalStart,
            String queue,
            Channel channel,
            double offered,
            double ahtSeconds) {}

    /**
     * One staffing row; NaN for an undefined value. Live rows carry whole agents (Erlang); deferred
     * rows carry the full-time equivalent of their workload, a decimal, because backlog work is
     * done between calls by agents counted elsewhere and rounding each small row up to a whole
     * agent would multiply the plan.
     */
    public record StaffingRow(
            ForecastRow forecast,
            double agents,
            double scheduledAgents,
            double serviceLevel,
            double occupancy,
            double asaSeconds) {}

    private final TargetsConfig config;

    public StaffingPlan(TargetsConfig config) {
        this.config = config;
    }

    /** Reads and validates a forecast file (volume from {@code offered}). */
    public static List<ForecastRow> readForecast(Path file) {
        return ForecastReader.read(file, "offered");
    }

    /** The staffing of every forecast row, in the same order, one pool per queue. */
    public List<StaffingRow> plan(List<ForecastRow> forecast) {
        Set<String> queues = new TreeSet<>();
        for (ForecastRow r : forecast) {
            queues.add(r.queue());
        }
        return plan(forecast, Pools.perQueue(queues)).rows();
    }

    /** The staffing of every forecast row (same order), of every pool, and the daily backlog. */
    public Plan plan(List<ForecastRow> forecast, Pools pools) {
        return new PoolPlanner(config, forecast, pools, null).run();
    }

    /**
     * As {@link #plan(List, Pools)}, the live agents then corrected by simulation ({@link
     * SimulationCheck}) before the deferred work is placed.
     */
    public Plan plan(List<ForecastRow> forecast, Pools pools, SimulationCheck check) {
        return new PoolPlanner(config, forecast, pools, check).run();
    }

    /** Writes the plan (complete or not at all) as the staffing table ({@link StaffingTable}). */
    public static void write(Path file, List<StaffingRow> rows) throws IOException {
        List<StaffingTable.Row> table = new ArrayList<>(rows.size());
        for (StaffingRow r : rows) {
            ForecastRow f = r.forecast();
            table.add(
                    new StaffingTable.Row(
                            f.intervalStart(),
                            f.queue(),
                            f.channel(),
                            f.offered(),
                            f.ahtSeconds(),
                            r.agents(),
                            r.scheduledAgents(),
                            r.serviceLevel(),
                            r.occupancy(),
                            r.asaSeconds(),
                            0));
        }
        AtomicFiles.writeText(file, w -> StaffingTable.write(w, table));
    }

    /** Writes the pool rows (complete or not at all). */
    public static void writePools(Path file, List<PoolRow> rows) throws IOException {
        AtomicFiles.writeText(
                file,
                w ->
                        Csv.write(
                                w,
                                POOLS_HEADER,
                                rows,
                                r ->
                                        List.of(
                                                KpiFormat.instant(r.intervalStart()),
                                                r.pool().name(),
                                                String.join(";", r.pool().queues()),
                                                KpiFormat.decimal(round(r.liveErlangs(), 4)),
                                                Integer.toString(r.liveAgents()),
                                                KpiFormat.decimal(round(r.deferredAgents(), 3)),
                                                KpiFormat.decimal(round(r.agents(), 3)),
                                                Integer.toString(r.scheduledAgents()),
                                                r.serviceLevels())));
    }

    /** Writes the end-of-day backlog (complete or not at all). */
    public static void writeBacklog(Path file, List<BacklogDay> rows) throws IOException {
        AtomicFiles.writeText(
                file,
                w ->
                        Csv.write(
                                w,
                                BACKLOG_HEADER,
                                rows,
                                r ->
                                        List.of(
                                                r.date().toString(),
                                                r.queue(),
                                                r.channel().name(),
                                                KpiFormat.decimal(round(r.contacts(), 2)),
                                                KpiFormat.decimal(round(r.hours(), 2)))));
    }

    /** {@code v} rounded as the staffing table writes it ({@link StaffingTable#round}). */
    static double round(double v, int decimals) {
        return StaffingTable.round(v, decimals);
    }
}
