package fr.joignable.cli.run;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.schedule.ScheduleFiles;
import fr.joignable.forecasting.schedule.ScheduleResult;
import fr.joignable.forecasting.schedule.Scheduler;
import fr.joignable.forecasting.schedule.ShiftRules;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.forecasting.training.Roster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shifts and breaks for a roster against a staffing plan ({@link Scheduler}), optionally checked
 * and improved in simulation ({@link ScheduleVerify}): what {@code joignable schedule} and the
 * demo's scheduling steps run.
 *
 * @param staffing the staffing plan CSV
 * @param roster the roster CSV
 * @param out the schedule CSV
 * @param rules the shift rules, or {@code null} for the defaults
 * @param coverage the coverage CSV to write too, or {@code null}
 * @param solver the solver's options (time limit, threads, SCIP or CP-SAT)
 * @param verify the simulation check, or {@code null} for none
 */
public record ScheduleRun(
        Path staffing,
        Path roster,
        Path out,
        Path rules,
        Path coverage,
        Scheduler.Options solver,
        Verify verify) {

    /** Solver time for the whole horizon unless told otherwise. */
    public static final String DEFAULT_TIME_LIMIT = "300s";

    /** Solver threads unless told otherwise. */
    public static final String DEFAULT_WORKERS = "2";

    /**
     * The {@code --verify} part.
     *
     * @param workload the workload to replay (a forecast), or {@code null}: the plan's own
     * @param targets thresholds and patience of the replay
     * @param rounds re-solves at most
     * @param seeds simulation seeds per round
     * @param out the kept schedule's simulated service level per slot, or {@code null}
     * @param hireOut the roster to write with the hires of the hiring step ({@link ScheduleHire}),
     *     the schedule then being for that roster; {@code null}: no hiring step
     * @param maxHires hires the hiring step makes at most
     */
    public record Verify(
            Path workload,
            TargetsConfig targets,
            int rounds,
            int seeds,
            Path out,
            Path hireOut,
            int maxHires) {

        /** Without the hiring step. */
        public Verify(Path workload, TargetsConfig targets, int rounds, int seeds, Path out) {
            this(workload, targets, rounds, seeds, out, null, 0);
        }
    }

    /** Hires the hiring step makes at most unless told otherwise. */
    public static final int DEFAULT_MAX_HIRES = 2;

    /** SCIP with the default threads and {@code timeLimit}. */
    public static Scheduler.Options solver(Duration timeLimit) {
        return new Scheduler.Options(
                timeLimit.toMillis() / 1000.0, Integer.parseInt(DEFAULT_WORKERS), true);
    }

    /**
     * Solves, writes the files and prints the summary to {@code stdout}; progress on {@code err}.
     */
    public void run(PrintWriter stdout, PrintWriter stderr) throws IOException {
        ShiftRules shiftRules = rules == null ? ShiftRules.defaults() : ShiftRules.read(rules);
        Roster agents = Roster.read(roster);
        QueueDemand plan = QueueDemand.read(staffing);
        Consumer<String> progress =
                line -> {
                    stderr.println("schedule: " + line);
                    stderr.flush();
                };
        // read before the solve: a bad workload file fails in a second, not after minutes
        Replay.Workload workload =
                verify == null
                        ? null
                        : new Replay.Workload(
                                ForecastReader.read(
                                        verify.workload() == null ? staffing : verify.workload(),
                                        "offered"),
                                verify.targets());
        ScheduleResult r = Scheduler.schedule(agents, plan, shiftRules, solver, progress);
        ScheduleVerify.Kept kept = null;
        if (verify != null) {
            kept =
                    ScheduleVerify.improve(
                            r,
                            extra ->
                                    Scheduler.schedule(
                                            agents,
                                            plan,
                                            shiftRules,
                                            solver,
                                            progress,
                                            extra.extra(),
                                            extra.weights(),
                                            extra.poolWeights(),
                                            extra.paidFloor()),
                            plan,
                            workload,
                            roster,
                            verify.targets(),
                            verify.seeds(),
                            verify.rounds(),
                            stdout);
            r = kept.result();
        }
        ScheduleHire.Hired hired = null;
        if (verify != null && verify.hireOut() != null) {
            Path scratch = java.nio.file.Files.createTempDirectory("joignable-hire-");
            try {
                hired =
                        ScheduleHire.hire(
                                kept,
                                roster,
                                withHires ->
                                        Scheduler.schedule(
                                                withHires, plan, shiftRules, solver, progress),
                                workload,
                                verify.targets(),
                                verify.maxHires(),
                                scratch,
                                stdout);
            } finally {
                ScheduleHire.deleteScratch(scratch);
            }
            kept = hired.kept();
            r = kept.result();
            ScheduleHire.writeRoster(verify.hireOut(), hired.roster());
        }
        ScheduleFiles.writeSchedule(out, r.shifts());
        if (coverage != null) {
            ScheduleFiles.writeCoverage(coverage, r.coverage());
        }
        printSummary(stdout, r, plan);
        if (kept != null) {
            ScheduleVerify.print(stdout, kept);
            if (verify.out() != null) {
                ScheduleVerify.write(verify.out(), kept.outcome());
            }
        }
        if (hired != null) {
            if (hired.hires().isEmpty()) {
                stdout.printf(
                        "Hiring: none; %s is today's roster (%d agents).%n",
                        verify.hireOut(), hired.roster().size());
            } else {
                stdout.printf(
                        "Hiring: %s; the schedule above is for the %d agents of %s.%n",
                        String.join(", ", hired.hires()), hired.roster().size(), verify.hireOut());
            }
        }
        stdout.flush();
    }

    private void printSummary(PrintWriter w, ScheduleResult r, QueueDemand plan) {
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
