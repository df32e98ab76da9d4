package fr.joignable.cli;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.schedule.ScheduleFiles;
import fr.joignable.forecasting.schedule.ScheduleResult;
import fr.joignable.forecasting.schedule.Scheduler;
import fr.joignable.forecasting.schedule.ShiftRules;
import fr.joignable.forecasting.training.Roster;
import fr.joignable.forecasting.training.StaffingPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code joignable schedule}: shifts and breaks for the roster's agents against a staffing plan.
 */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Shifts and breaks for the roster's agents over the staffing plan's horizon (OR-Tools: SCIP, or CP-SAT with --solver):"
                    + " the agents present, interval by interval and skill by skill, meet the plan"
                    + " with the fewest paid hours, within each contract and the shift rules.",
            ""
        })
public final class ScheduleCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--staffing",
            required = true,
            paramLabel = "FILE",
            description =
                    "Staffing plan CSV (interval_start,queue,channel,offered,aht_s,agents,"
                            + "scheduled_agents,...): a queue needs the sum of its rows' scheduled_agents.")
    Path staffing;

    @Option(
            names = "--roster",
            required = true,
            paramLabel = "FILE",
            description = "Roster CSV: agent_id,team,skills,fte (skills ';'-separated queues).")
    Path roster;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Schedule CSV to write: agent_id,date,start,end,breaks (Paris local).")
    Path out;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Shift rules (YAML); defaults in docs/scheduling.md.")
    Path rules;

    @Option(
            names = "--coverage",
            paramLabel = "FILE",
            description = "Also write interval_start,pool,required,present,shortfall.")
    Path coverage;

    @Option(
            names = "--time-limit",
            paramLabel = "DURATION",
            defaultValue = "300s",
            converter = Converters.Seconds.class,
            description = "Solver time for the whole horizon (default ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "2",
            description = "Solver threads (default ${DEFAULT-VALUE}).")
    int workers;

    /** The solver of the weekly model. */
    enum Solver {
        SCIP,
        CP_SAT
    }

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            defaultValue = "SCIP",
            description =
                    "Solver of the weekly model, both from OR-Tools: ${COMPLETION-CANDIDATES}"
                            + " (default ${DEFAULT-VALUE}; see docs/scheduling.md for the measurements).")
    Solver solver;

    @Option(
            names = "--verify",
            description =
                    "Replay the schedule in the simulated centre (the roster's agents in their"
                            + " shifts), print the service level per queue and hour-of-week, and"
                            + " re-solve, asking for more where a queue is under target and less"
                            + " where it is over-served, the first solve's weekly hours kept"
                            + " (docs/scheduling.md).")
    boolean verify;

    @Option(
            names = "--forecast",
            paramLabel = "FILE",
            description =
                    "With --verify: the workload to replay (interval_start,queue,channel,offered,"
                            + "aht_s); default: the staffing plan's own offered and aht_s.")
    Path forecast;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description =
                    "With --verify: targets YAML (thresholds, patience), as for simulate;"
                            + " defaults when absent.")
    Path targets;

    @Option(
            names = "--verify-rounds",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "With --verify: at most N re-solves with raised requirements, each given"
                            + " --time-limit (default ${DEFAULT-VALUE}; 0: only report).")
    int verifyRounds;

    @Option(
            names = "--verify-seeds",
            paramLabel = "N",
            defaultValue = "10",
            description =
                    "With --verify: simulation seeds per round, as many again on hold-out seeds"
                            + " that choose the round kept (default ${DEFAULT-VALUE}).")
    int verifySeeds;

    @Option(
            names = "--verify-out",
            paramLabel = "FILE",
            description =
                    "With --verify: write the kept schedule's simulated service level per queue,"
                            + " channel and hour-of-week ("
                            + ScheduleVerify.HEADER
                            + ").")
    Path verifyOut;

    @Override
    public Integer call() throws Exception {
        if (timeLimit <= 0) {
            throw new UsageException("--time-limit must be positive");
        }
        if (workers < 1 || workers > 64) {
            throw new UsageException("--workers must be in [1, 64]");
        }
        if (verifyRounds < 0 || verifyRounds > 20) {
            throw new UsageException("--verify-rounds must be in [0, 20]");
        }
        if (verifySeeds < 1 || verifySeeds > 100) {
            throw new UsageException("--verify-seeds must be in [1, 100]");
        }
        if (!verify && (forecast != null || targets != null || verifyOut != null)) {
            throw new UsageException("--forecast, --targets and --verify-out need --verify");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ShiftRules shiftRules = rules == null ? ShiftRules.defaults() : ShiftRules.read(rules);
        Roster agents = Roster.read(roster);
        StaffingPlan plan = StaffingPlan.read(staffing);
        Scheduler.Options options =
                new Scheduler.Options(timeLimit, workers, solver == Solver.SCIP);
        java.util.function.Consumer<String> progress =
                line -> {
                    stderr.println("schedule: " + line);
                    stderr.flush();
                };
        ScheduleResult r = Scheduler.schedule(agents, plan, shiftRules, options, progress);
        ScheduleVerify.Kept kept = null;
        if (verify) {
            kept =
                    ScheduleVerify.improve(
                            r,
                            extra ->
                                    Scheduler.schedule(
                                            agents,
                                            plan,
                                            shiftRules,
                                            options,
                                            progress,
                                            extra.extra(),
                                            extra.weights(),
                                            extra.poolWeights(),
                                            extra.paidFloor()),
                            plan,
                            forecast == null ? staffing : forecast,
                            roster,
                            targets,
                            verifySeeds,
                            verifyRounds,
                            stdout);
            r = kept.result();
        }
        ScheduleFiles.writeSchedule(out, r.shifts());
        if (coverage != null) {
            ScheduleFiles.writeCoverage(coverage, r.coverage());
        }
        printSummary(stdout, r, plan);
        if (kept != null) {
            ScheduleVerify.print(stdout, kept);
            if (verifyOut != null) {
                ScheduleVerify.write(verifyOut, kept.outcome());
            }
        }
        stdout.flush();
        return JoignableCli.EXIT_OK;
    }

    private void printSummary(PrintWriter w, ScheduleResult r, StaffingPlan plan) {
        w.printf(
                Locale.ROOT,
                "%d shifts for %d agents over %d intervals (%d with demand).%n",
                r.shifts().size(),
                r.agents(),
                plan.intervals().size(),
                r.intervalsWithDemand());
        if (!r.idleAgents().isEmpty()) {
            w.printf(
                    "%d agents are trained in no queue of the plan and get no shift.%n",
                    r.idleAgents().size());
        }
        w.printf(
                Locale.ROOT,
                "Paid hours: %.1f h for a plan of %.1f agent-hours (%+.1f %%).%n",
                r.paidHours(),
                r.requiredAgentHours(),
                r.requiredAgentHours() > 0
                        ? 100 * (r.paidHours() / r.requiredAgentHours() - 1)
                        : 0);
        if (r.intervalsShort() == 0) {
            w.println("Under the plan: no interval.");
        } else {
            w.printf(
                    Locale.ROOT,
                    "Under the plan: %d intervals, %.1f agent-hours in all (%.1f of them outside"
                            + " the hours a shift may cover); worst %s, %.2f agents missing.%n",
                    r.intervalsShort(),
                    r.shortAgentHours(),
                    r.unavoidableAgentHours(),
                    KpiFormat.instant(r.worstInterval()),
                    r.worstShort());
        }
        w.printf(
                Locale.ROOT,
                "Solver: %s in %.1f s; cost %.1f h, bound %.1f h, gap %.2f %%.%n",
                String.join("/", new java.util.TreeSet<>(r.statuses())),
                r.solverSeconds(),
                r.objective() / 60,
                r.bound() / 60,
                100 * r.gap());
        if (r.droppedShifts() > 0) {
            w.printf(
                    "%d shifts of the weekly model could not be given to an agent (hours or rest);"
                            + " the figures above count without them.%n",
                    r.droppedShifts());
        }
        if (r.marginals().isEmpty()) {
            w.println("One more agent: would not reduce the shortfall anywhere.");
        } else {
            w.println("One more agent would buy (every such weekday of the horizon):");
            for (ScheduleResult.Marginal m : r.marginals()) {
                w.printf(
                        Locale.ROOT,
                        "  %s %s, skills %s: %.1f agent-hours less under the plan; %s %.0f %% → %.0f %%%n",
                        m.day().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                                + "s",
                        m.pattern(),
                        m.skills(),
                        m.agentHoursGained(),
                        m.pool(),
                        100 * m.coverageBefore(),
                        100 * m.coverageAfter());
            }
        }
        w.printf("Wrote %s%s.%n", out, coverage == null ? "" : " and " + coverage);
    }
}
