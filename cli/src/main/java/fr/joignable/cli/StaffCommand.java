package fr.joignable.cli;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Pools;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.SimulationCheck;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.StaffingPlan;
import fr.joignable.forecasting.staffing.TargetsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable staff}: a staffing plan from a forecast, by pools of agents. */
@Command(
        name = "staff",
        mixinStandardHelpOptions = true,
        description = {
            "A staffing plan from a forecast: per row, its share of the agents of its pool,"
                    + " scheduled agents (absence applied once per pool), and the expected service"
                    + " level, occupancy and asa_s.",
            "Pools follow who is trained in what (--roster), else one pool per queue across its"
                    + " live channels; Erlang A where a patience is configured (default for PHONE"
                    + " and CHAT), else Erlang C; chat agents handle several chats at once; deferred"
                    + " channels (EMAIL, LETTER, PORTAL) are a backlog worked in the quieter"
                    + " intervals within their response target (docs/staffing.md).",
            ""
        })
public final class StaffCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--forecast",
            required = true,
            paramLabel = "FILE",
            description =
                    "Forecast CSV: "
                            + StaffingPlan.FORECAST_HEADER
                            + " (more columns, e.g. p10,p50,p90, are ignored).")
    Path forecast;

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "Roster CSV (agent_id,team,skills,fte): pools follow the agents' skills.")
    Path roster;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description =
                    "Targets YAML per channel and queue (docs/targets-example.yaml); default: the"
                            + " centre's joignable.yaml (--config and its search path), else the"
                            + " documented defaults.")
    Path targets;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Option(
            names = "--offered-column",
            paramLabel = "NAME",
            defaultValue = "offered",
            description =
                    "Forecast column holding the volume to staff for, e.g. p90 (default: ${DEFAULT-VALUE}).")
    String offeredColumn;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Staffing CSV to write: " + StaffingPlan.STAFFING_HEADER + ".")
    Path out;

    @Option(
            names = "--pools",
            paramLabel = "FILE",
            description =
                    "Also write one row per (interval, pool): " + StaffingPlan.POOLS_HEADER + ".")
    Path poolsOut;

    @Option(
            names = "--backlog",
            paramLabel = "FILE",
            description =
                    "Also write the deferred backlog at the end of each day: "
                            + StaffingPlan.BACKLOG_HEADER
                            + ".")
    Path backlogOut;

    @Option(
            names = "--check-by-simulation",
            negatable = true,
            paramLabel = "BOOLEAN",
            description =
                    "Correct the analytic pools by simulation so that every live queue meets its"
                            + " target with the fewest agents found (default: on with --roster,"
                            + " off without, where a single queue keeps exactly Erlang A/C's"
                            + " answer).")
    Boolean checkBySimulation;

    @Option(
            names = "--check-seeds",
            paramLabel = "N",
            defaultValue = "10",
            description =
                    "Seeds of the simulation check, 1 to 100 (default: ${DEFAULT-VALUE}, as"
                            + " simulate's default, so that simulate measures what staff reports).")
    int checkSeeds;

    @Option(
            names = "--search-minimum",
            description =
                    "With the simulation check: also search the fewest agents that keep every live"
                            + " queue at or above target - 3 points in every hour-of-week slot, and"
                            + " print how far the plan's peak and agent-hours are above it (about"
                            + " doubles the run time; the plan written is unchanged).")
    boolean searchMinimum;

    @Override
    public Integer call() throws Exception {
        if (checkSeeds < 1 || checkSeeds > 100) {
            throw new UsageException("--check-seeds: must be in [1, 100], got " + checkSeeds);
        }
        if (offeredColumn.isBlank()) {
            throw new UsageException("--offered-column: must not be empty");
        }
        java.util.Optional<Path> targetsFile =
                targets != null ? java.util.Optional.of(targets) : configFile.located();
        TargetsConfig config =
                targetsFile.isEmpty()
                        ? TargetsConfig.defaults()
                        : TargetsConfig.read(targetsFile.get());
        List<StaffingPlan.ForecastRow> rows = ForecastReader.read(forecast, offeredColumn);
        TreeSet<String> queues = new TreeSet<>();
        for (StaffingPlan.ForecastRow r : rows) {
            queues.add(r.queue());
        }
        PrintWriter err = spec.commandLine().getErr();
        Pools pools;
        StaffRoster agents = new StaffRoster(List.of());
        if (roster == null) {
            pools = Pools.perQueue(queues);
        } else {
            agents = StaffRoster.read(roster);
            pools = Pools.fromRoster(agents, queues);
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
        boolean check = checkBySimulation == null ? roster != null : checkBySimulation;
        SimulationCheck simulation = null;
        StaffingPlan.Plan plan;
        if (check) {
            simulation =
                    new SimulationCheck(
                            new Replay.Workload(rows, config),
                            pools,
                            agents,
                            checkSeeds,
                            config.openingHours().zone());
            plan = new StaffingPlan(config).plan(rows, pools, simulation);
        } else {
            plan = new StaffingPlan(config).plan(rows, pools);
        }
        StaffingPlan.write(out, plan.rows());
        if (poolsOut != null) {
            StaffingPlan.writePools(poolsOut, plan.pools());
        }
        if (backlogOut != null) {
            StaffingPlan.writeBacklog(backlogOut, plan.backlog());
        }
        double[] figures = summarise(plan, pools);
        if (simulation != null) {
            PrintWriter o = spec.commandLine().getOut();
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
                                new Replay.Workload(rows, config),
                                pools,
                                agents,
                                checkSeeds,
                                config.openingHours().zone(),
                                SimulationCheck.Search.MINIMUM);
                double[] min = totals(new StaffingPlan(config).plan(rows, pools, least));
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
            o.flush();
        } else if (searchMinimum) {
            throw new UsageException("--search-minimum needs the simulation check");
        }
        return JoignableCli.EXIT_OK;
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
    private double[] summarise(StaffingPlan.Plan plan, Pools pools) {
        PrintWriter o = spec.commandLine().getOut();
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
                pools.pools().size(),
                peak == null ? 0 : peak.getValue(),
                peak == null ? "-" : peak.getKey(),
                KpiFormat.decimal(Math.round(hours * 10) / 10.0));
        for (Pools.Pool p : pools.pools()) {
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
