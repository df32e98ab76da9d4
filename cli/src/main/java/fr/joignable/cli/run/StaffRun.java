package fr.joignable.cli.run;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Pools;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.SimulationCheck;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.StaffingPlan;
import fr.joignable.forecasting.staffing.TargetsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A staffing plan from a forecast, by pools of agents ({@link StaffingPlan}), optionally corrected
 * by simulation ({@link SimulationCheck}): what {@code joignable staff} and the demo's staffing
 * steps run.
 *
 * @param forecast the forecast CSV
 * @param offeredColumn its column holding the volume to staff for
 * @param roster the roster (pools follow the skills), or {@code null}: one pool per queue
 * @param targets the targets in use
 * @param out the staffing CSV
 * @param pools the per-pool CSV to write too, or {@code null}
 * @param backlog the deferred backlog CSV to write too, or {@code null}
 * @param checkBySimulation whether to correct the analytic pools by simulation
 * @param checkSeeds seeds of that check
 * @param searchMinimum whether to also search the fewest agents found by simulation
 */
public record StaffRun(
        Path forecast,
        String offeredColumn,
        Path roster,
        TargetsConfig targets,
        Path out,
        Path pools,
        Path backlog,
        boolean checkBySimulation,
        int checkSeeds,
        boolean searchMinimum) {

    /** The forecast column staffed for unless told otherwise. */
    public static final String DEFAULT_OFFERED_COLUMN = "offered";

    /**
     * Seeds of the simulation check: {@code simulate}'s default, so it measures what staff says.
     */
    public static final String DEFAULT_CHECK_SEEDS = "10";

    /**
     * The plan on the defaults: the {@code offered} column, the simulation check with a roster (as
     * {@code staff} does without {@code --check-by-simulation}), no backlog file.
     */
    public static StaffRun of(
            Path forecast, Path roster, TargetsConfig targets, Path out, Path pools) {
        return new StaffRun(
                forecast,
                DEFAULT_OFFERED_COLUMN,
                roster,
                targets,
                out,
                pools,
                null,
                roster != null,
                Integer.parseInt(DEFAULT_CHECK_SEEDS),
                false);
    }

    /** The same without the simulation check (the analytic pools, Erlang A/C per pool). */
    public StaffRun withoutSimulationCheck() {
        return new StaffRun(
                forecast,
                offeredColumn,
                roster,
                targets,
                out,
                pools,
                backlog,
                false,
                checkSeeds,
                false);
    }

    /**
     * Plans, writes the files and prints the plan's figures to {@code o}; warnings on {@code err}.
     */
    public void run(PrintWriter o, PrintWriter err) throws IOException {
        if (searchMinimum && !checkBySimulation) {
            throw new IllegalArgumentException("searchMinimum needs the simulation check");
        }
        List<StaffingPlan.ForecastRow> rows = ForecastReader.read(forecast, offeredColumn);
        TreeSet<String> queues = new TreeSet<>();
        for (StaffingPlan.ForecastRow r : rows) {
            queues.add(r.queue());
        }
        Pools poolSet;
        StaffRoster agents = new StaffRoster(List.of());
        if (roster == null) {
            poolSet = Pools.perQueue(queues);
        } else {
            agents = StaffRoster.read(roster);
            poolSet = Pools.fromRoster(agents, queues);
            for (String q : queues) {
                boolean trained = agents.agents().stream().anyMatch(a -> a.skills().contains(q));
                if (!trained) {
                    err.println(
                            "warning: nobody in "
                                    + roster
                                    + " is trained in queue "
                                    + q
                                    + "; staffed as its own pool");
                }
            }
        }
        SimulationCheck simulation = null;
        StaffingPlan.Plan plan;
        if (checkBySimulation) {
            simulation =
                    new SimulationCheck(
                            new Replay.Workload(rows, targets),
                            poolSet,
                            agents,
                            checkSeeds,
                            targets.openingHours().zone());
            plan = new StaffingPlan(targets).plan(rows, poolSet, simulation);
        } else {
            plan = new StaffingPlan(targets).plan(rows, poolSet);
        }
        StaffingPlan.write(out, plan.rows());
        if (pools != null) {
            StaffingPlan.writePools(pools, plan.pools());
        }
        if (backlog != null) {
            StaffingPlan.writeBacklog(backlog, plan.backlog());
        }
        double[] figures = summarise(o, plan, poolSet);
        if (simulation != null) {
            o.printf(
                    Locale.ROOT,
                    "checked by simulation (%d rounds x %d seeds); simulated per live queue:%n",
                    simulation.rounds(),
                    checkSeeds);
            for (ReplaySummary.Line l : simulation.summary()) {
                o.println("  " + ReplaySummary.format(l));
            }
            o.println("  " + ReplaySummary.format(ReplaySummary.criterion(simulation.summary())));
            if (searchMinimum) {
                SimulationCheck least =
                        new SimulationCheck(
                                new Replay.Workload(rows, targets),
                                poolSet,
                                agents,
                                checkSeeds,
                                targets.openingHours().zone(),
                                SimulationCheck.Search.MINIMUM);
                double[] min = totals(new StaffingPlan(targets).plan(rows, poolSet, least));
                o.printf(
                        Locale.ROOT,
                        "fewest found by simulation (%d rounds; every live queue at or above"
                                + " target - 3 points in every slot): peak %d scheduled agents,"
                                + " %s scheduled agent-hours; this plan: peak %+.1f %%,"
                                + " agent-hours %+.1f %%%n",
                        least.rounds(),
                        (int) min[0],
                        KpiFormat.decimal(Math.round(min[1] * 10) / 10.0),
                        100 * (figures[0] / min[0] - 1),
                        100 * (figures[1] / min[1] - 1));
                o.println("  " + ReplaySummary.format(ReplaySummary.criterion(least.summary())));
            }
        }
        o.flush();
    }

    /** {peak scheduled agents (all pools), scheduled agent-hours} of a plan. */
    static double[] totals(StaffingPlan.Plan plan) {
        Map<Instant, Integer> perInterval = new TreeMap<>();
        double hours = 0;
        for (StaffingPlan.PoolRow r : plan.pools()) {
            perInterval.merge(r.intervalStart(), r.scheduledAgents(), Integer::sum);
            hours += r.scheduledAgents() * 0.25;
        }
        int peak = perInterval.values().stream().max(Integer::compare).orElse(0);
        return new double[] {peak, hours};
    }

    /** Prints the plan's figures; returns {@link #totals}. */
    private double[] summarise(PrintWriter o, StaffingPlan.Plan plan, Pools poolSet) {
        Map<Instant, Integer> perInterval = new TreeMap<>();
        double hours = 0;
        for (StaffingPlan.PoolRow r : plan.pools()) {
            perInterval.merge(r.intervalStart(), r.scheduledAgents(), Integer::sum);
            hours += r.scheduledAgents() * 0.25;
        }
        Map.Entry<Instant, Integer> peak =
                perInterval.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        o.printf(
                Locale.ROOT,
                "%d rows staffed to %s in %d pool(s); peak %d scheduled agents at %s;"
                        + " %s scheduled agent-hours%n",
                plan.rows().size(),
                out,
                poolSet.pools().size(),
                peak == null ? 0 : peak.getValue(),
                peak == null ? "-" : peak.getKey(),
                KpiFormat.decimal(Math.round(hours * 10) / 10.0));
        for (Pools.Pool p : poolSet.pools()) {
            if (p.queues().size() > 1) {
                o.printf(Locale.ROOT, "  %s: %s%n", p.name(), String.join(", ", p.queues()));
            }
        }
        Map<String, Double> worst = new TreeMap<>();
        for (StaffingPlan.BacklogDay d : plan.backlog()) {
            worst.merge(d.queue() + " " + d.channel(), d.contacts(), Math::max);
        }
        if (!worst.isEmpty()) {
            StringBuilder b = new StringBuilder("  largest end-of-day backlog:");
            worst.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.0f;", k, v)));
            o.println(b.substring(0, b.length() - 1));
        }
        o.flush();
        return totals(plan);
    }
}
