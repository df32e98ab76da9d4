package fr.joignable.cli.run;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.PlannedTraining;
import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.forecasting.training.QueueGap;
import fr.joignable.forecasting.training.Roster;
import fr.joignable.forecasting.training.SimulatedTraining;
import fr.joignable.forecasting.training.TrainingGaps;
import fr.joignable.forecasting.training.TrainingGapsFiles;
import fr.joignable.forecasting.training.TrainingGapsResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The queues a roster cannot cover in a staffing plan and the fewest trainings that fix what
 * training can ({@link TrainingGaps}), optionally chosen by simulation ({@link SimulatedTraining}):
 * what {@code joignable training-gaps} and the demo's training step run.
 *
 * @param roster the roster CSV
 * @param staffing the staffing plan CSV
 * @param out the gaps per queue CSV
 * @param plan the training plan CSV
 * @param schedule the schedule (agents count only in their shifts), or {@code null}
 * @param availability without a schedule: the share of each interval a full-time agent is present,
 *     or {@code null} for 35 h a week over the plan's open hours
 * @param simulate whether to check by simulation (needs {@code schedule})
 * @param checkSeeds seeds of that check
 * @param targets the targets of that check ({@code null} without it)
 */
public record TrainingGapsRun(
        Path roster,
        Path staffing,
        Path out,
        Path plan,
        Path schedule,
        Double availability,
        boolean simulate,
        int checkSeeds,
        TargetsConfig targets) {

    private static final int MAX_LISTED = 20;

    /** Seeds of the simulation check unless told otherwise. */
    public static final String DEFAULT_CHECK_SEEDS = "3";

    /**
     * With a schedule (checked by simulation, as {@code training-gaps --schedule} does), else with
     * the assumed presence.
     */
    public static TrainingGapsRun of(
            Path roster, Path staffing, Path out, Path plan, Path schedule, TargetsConfig targets) {
        return new TrainingGapsRun(
                roster,
                staffing,
                out,
                plan,
                schedule,
                null,
                schedule != null,
                Integer.parseInt(DEFAULT_CHECK_SEEDS),
                targets);
    }

    /**
     * Analyses, writes both files and prints the summary to {@code stdout}, warnings on {@code
     * stderr}.
     *
     * @return whether the max-flow re-check verified the training plan
     */
    public boolean run(PrintWriter stdout, PrintWriter stderr) throws IOException {
        if (simulate && (schedule == null || targets == null)) {
            throw new IllegalArgumentException("the simulation check needs a schedule and targets");
        }
        Roster agents = Roster.read(roster);
        QueueDemand staffingPlan = QueueDemand.read(staffing);
        TrainingGapsResult result;
        if (schedule != null) {
            java.util.List<fr.joignable.forecasting.schedule.Shift> shifts =
                    fr.joignable.forecasting.schedule.ScheduleFiles.readSchedule(schedule);
            java.util.Set<String> known = new java.util.HashSet<>();
            agents.agents().forEach(a -> known.add(a.id()));
            for (fr.joignable.forecasting.schedule.Shift s : shifts) {
                if (!known.contains(s.agentId())) {
                    throw new fr.joignable.domain.io.InputException(
                            schedule
                                    + ": agent '"
                                    + s.agentId()
                                    + "' is not in the roster "
                                    + roster);
                }
            }
            result =
                    TrainingGaps.analyseScheduled(
                            agents,
                            staffingPlan,
                            fr.joignable.forecasting.schedule.Presence.of(
                                    shifts,
                                    staffingPlan.intervals(),
                                    java.time.ZoneId.of("Europe/Paris")));
            stdout.printf(
                    "Presence: from the schedule %s (%d shifts); an agent counts only in his shifts,"
                            + " off his breaks.%n",
                    schedule, shifts.size());
        } else {
            double share =
                    availability != null
                            ? availability
                            : TrainingGaps.assumedAvailability(staffingPlan, 35);
            result =
                    TrainingGaps.analyse(
                            agents, staffingPlan, TrainingGaps.DEFAULT_SEARCH_BUDGET, share);
            stdout.printf(
                    java.util.Locale.ROOT,
                    "Presence: assumed, no schedule given: each agent present %.2f × his fte in every"
                            + " interval%s (--schedule FILE for the real shifts).%n",
                    share,
                    availability != null ? "" : " (35 h a week over the plan's open hours a week)");
        }
        for (String warning : result.warnings()) {
            stderr.println("joignable: warning: " + warning);
        }
        stderr.flush();
        TrainingGapsFiles.writeGaps(out, result.gaps());
        SimulatedTraining.Outcome sim = null;
        if (simulate) {
            try {
                sim = simulationCheck();
            } catch (fr.joignable.domain.io.InputException e) {
                // the staffing file holds what coverage needs but not a workload to replay
                stderr.println("joignable: warning: simulation check skipped: " + e.getMessage());
                stderr.flush();
            }
        }
        // the shortfall against the plan is printed beside the simulated service level
        printSummary(stdout, result, TrainingGaps.round(agents.totalFte()), sim);
        java.util.List<PlannedTraining> planned = result.plan();
        if (simulate) {
            if (sim != null) {
                TrainingGapsSimulationText.print(stdout, sim);
                if (!sim.named().isEmpty()) {
                    planned = new java.util.ArrayList<>();
                    for (SimulatedTraining.Step st : sim.steps()) {
                        planned.add(new PlannedTraining(st.agentId(), st.team(), st.queue()));
                    }
                }
            }
        }
        TrainingGapsFiles.writePlan(plan, planned);
        stdout.printf("Wrote %s and %s.%n", out, plan);
        stdout.flush();
        return result.verified();
    }

    private void printSummary(
            PrintWriter w, TrainingGapsResult r, double rosterFte, SimulatedTraining.Outcome sim) {
        w.printf(
                "%d intervals, %d queues, %d agents (%s FTE)%n",
                r.intervals(), r.queues().size(), r.agents(), KpiFormat.decimal(rosterFte));
        if (r.uncoveredAgentHours() <= 0) {
            w.println("Coverage: the roster covers every interval of the plan.");
        } else {
            w.printf(
                    "Coverage: %s agent-hours uncovered; worst interval %s, %s missing.%n",
                    rounded(r.uncoveredAgentHours()),
                    KpiFormat.instant(r.worstInterval()),
                    agents(r.worstIntervalUncovered()));
            for (QueueGap g : r.gaps()) {
                if (g.uncoveredAgentHours() > 0) {
                    w.printf(
                            "  %s: %s agent-hours, up to %s missing%n",
                            g.queue(),
                            rounded(g.uncoveredAgentHours()),
                            agents(g.worstIntervalUncovered()));
                }
            }
        }
        w.printf(
                "Training can fix: %s agent-hours, with %d training%s (%s).%n",
                rounded(r.trainableAgentHours()),
                r.plan().size(),
                r.plan().size() == 1 ? "" : "s",
                r.planOptimal()
                        ? "optimal: the fewest possible"
                        : r.planLowerBound() == 0 && r.searchNodes() == 0
                                ? "greedy on the scheduled presence, not proved the fewest"
                                : "heuristic: at least "
                                        + r.planLowerBound()
                                        + " needed, gap "
                                        + (r.plan().size() - r.planLowerBound()));
        int shown = 0;
        for (PlannedTraining t : r.plan()) {
            if (shown++ == MAX_LISTED) {
                w.printf("  … and %d more (see %s)%n", r.plan().size() - MAX_LISTED, plan);
                break;
            }
            w.printf("  train %s (%s) in %s%n", t.agentId(), t.team(), t.queue());
        }
        if (r.hiringAgentHours() > 0) {
            // a shortfall against the plan, which carries margin (shrinkage, rounding up per
            // pool): not by itself a hiring need; the simulated service level says what it costs
            w.printf(
                    "Under the plan, beyond training: %s agent-hours where the plan asks for more"
                            + " agents than are present; worst interval %s, %s short. No training"
                            + " fixes this.%n",
                    rounded(r.hiringAgentHours()),
                    KpiFormat.instant(r.worstHiringInterval()),
                    agents(r.worstIntervalHiring()));
            w.println("  " + simulatedBeside(sim));
        } else {
            w.println(
                    "Under the plan, beyond training: none, the agents present suffice in every"
                            + " interval.");
        }
        if (r.verified()) {
            w.printf(
                    "Verified: with the plan trained, a max-flow re-check leaves %s agent-hours"
                            + " uncovered%s.%n",
                    rounded(r.uncoveredAgentHoursAfterPlan()),
                    r.uncoveredAgentHoursAfterPlan() > 0
                            ? ", all of it under the plan beyond training"
                            : "");
        } else {
            w.printf(
                    "VERIFICATION FAILED: with the plan trained, %s agent-hours that training"
                            + " should fix remain uncovered.%n",
                    rounded(r.fixableAgentHoursAfterPlan()));
        }
    }

    /**
     * What the shortfall against the plan costs in service: the simulated level of the worst queue
     * and whether every queue meets the criterion (hiring, or other shifts, is indicated only where
     * a queue does not), or, without a simulation, that it is not measured.
     */
    public static String simulatedBeside(SimulatedTraining.Outcome sim) {
        if (sim == null || sim.before().isEmpty()) {
            return "The plan carries margin: this is not by itself a hiring need (with --schedule"
                    + " the simulation check gives the service level these agents achieve).";
        }
        SimulatedTraining.QueueLevel worst = null;
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (SimulatedTraining.QueueLevel l : sim.before()) {
            if (worst == null || l.slotShare() < worst.slotShare()) {
                worst = l;
            }
            if (!l.meetsCriterion()) {
                missing.add(l.queue() + " " + l.channel());
            }
        }
        return String.format(
                java.util.Locale.ROOT,
                "The plan carries margin; simulated (%d seeds), the agents present give %s %s"
                        + " %.1f %% (target %.0f %%), %.0f %% of its hour-of-week slots at or above"
                        + " target - 3 points, the worst queue: %s.",
                sim.seeds(),
                worst.queue(),
                worst.channel(),
                100 * worst.serviceLevel(),
                worst.targetPercent(),
                100 * worst.slotShare(),
                missing.isEmpty()
                        ? "every queue meets the criterion, no hiring indicated"
                        : "under the criterion "
                                + String.join(", ", missing)
                                + " (more agents present there: hiring, other shifts or"
                                + " training, below)");
    }

    private SimulatedTraining.Outcome simulationCheck() {
        Replay.Workload workload =
                new Replay.Workload(ForecastReader.read(staffing, "offered"), targets);
        return new SimulatedTraining(workload, schedule, targets.openingHours().zone(), checkSeeds)
                .run(StaffRoster.read(roster));
    }

    private static String agents(double count) {
        return rounded(count) + (count == 1 ? " agent" : " agents");
    }

    /**
     * A figure of the printed summary to the hundredth (a quarter-hour is 0.25 agent-hours); the
     * CSV files keep full precision.
     */
    static String rounded(double value) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
