package fr.joignable.cli;

import fr.joignable.cli.run.ScheduleRun;
import fr.joignable.cli.run.ScheduleVerify;
import fr.joignable.forecasting.schedule.Scheduler;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.jobs.options.DurationConverter;
import java.nio.file.Path;
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
            defaultValue = ScheduleRun.DEFAULT_TIME_LIMIT,
            converter = DurationConverter.class,
            description =
                    "Solver budget for the whole horizon (default ${DEFAULT-VALUE}), an equal share"
                            + " a week turned into work limits (SCIP nodes, CP-SAT deterministic"
                            + " time) so that the schedule does not depend on the machine's load;"
                            + " wall time may differ, docs/scheduling.md.")
    java.time.Duration timeLimit;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = ScheduleRun.DEFAULT_WORKERS,
            description =
                    "CP-SAT threads (default ${DEFAULT-VALUE}), in its deterministic interleaved"
                            + " search; SCIP uses one.")
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

    @Option(
            names = "--hire-out",
            paramLabel = "FILE",
            description =
                    "With --verify: when a live queue has no slot to spare over the criterion"
                            + " in one of 4 batches of 10 fresh seeds, try one full-time hire per"
                            + " skill set of the roster trained in the queue with the least to"
                            + " spare, each re-solved and replayed on the same batches; hire the"
                            + " best if it does better, up to --hire-max; write the roster with the"
                            + " hires here (today's roster when none): --out is then that roster's"
                            + " schedule (docs/scheduling.md, hiring step).")
    Path hireOut;

    @Option(
            names = "--hire-max",
            paramLabel = "N",
            defaultValue = "" + ScheduleRun.DEFAULT_MAX_HIRES,
            description = "With --hire-out: hires at most (default ${DEFAULT-VALUE}).")
    int hireMax;

    @Override
    public Integer call() throws Exception {
        if (timeLimit.isZero()) {
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
        if (!verify
                && (forecast != null || targets != null || verifyOut != null || hireOut != null)) {
            throw new UsageException(
                    "--forecast, --targets, --verify-out and --hire-out need --verify");
        }
        if (hireMax < 1 || hireMax > 20) {
            throw new UsageException("--hire-max must be in [1, 20]");
        }
        if (hireOut != null
                && hireOut.toAbsolutePath()
                        .normalize()
                        .equals(roster.toAbsolutePath().normalize())) {
            throw new UsageException(
                    "--hire-out must not be the --roster file: today's roster is an input");
        }
        ScheduleRun.Verify check =
                verify
                        ? new ScheduleRun.Verify(
                                forecast,
                                targets == null
                                        ? TargetsConfig.defaults()
                                        : TargetsConfig.read(targets),
                                verifyRounds,
                                verifySeeds,
                                verifyOut,
                                hireOut,
                                hireMax)
                        : null;
        new ScheduleRun(
                        staffing,
                        roster,
                        out,
                        rules,
                        coverage,
                        new Scheduler.Options(
                                timeLimit.toMillis() / 1000.0, workers, solver == Solver.SCIP),
                        check)
                .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return JoignableCli.EXIT_OK;
    }
}
