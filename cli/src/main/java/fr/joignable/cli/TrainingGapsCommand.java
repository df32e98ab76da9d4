package fr.joignable.cli;

import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.PlannedTraining;
import fr.joignable.forecasting.training.QueueGap;
import fr.joignable.forecasting.training.Roster;
import fr.joignable.forecasting.training.SimulatedTraining;
import fr.joignable.forecasting.training.StaffingPlan;
import fr.joignable.forecasting.training.TrainingGaps;
import fr.joignable.forecasting.training.TrainingGapsFiles;
import fr.joignable.forecasting.training.TrainingGapsResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable training-gaps}: skills short at peak, and whom to train in what. */
@Command(
        name = "training-gaps",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the queues the roster cannot cover in some intervals of a staffing plan, and the"
                    + " fewest trainings (agent, queue) that fix what training can fix; the rest"
                    + " is under the plan beyond training (hiring where the simulation shows a"
                    + " queue short).",
            ""
        })
public final class TrainingGapsCommand implements Callable<Integer> {

    private static final int MAX_LISTED = 20;

    @Spec CommandSpec spec;

    @Option(
            names = "--roster",
            required = true,
            paramLabel = "FILE",
            description = "Roster CSV: agent_id,team,skills,fte (skills ';'-separated queues).")
    Path roster;

    @Option(
            names = "--staffing",
            required = true,
            paramLabel = "FILE",
            description = "Staffing plan CSV written by 'joignable staff'.")
    Path staffing;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description =
                    "Gaps per queue: queue,peak_scheduled_agents,trained_fte,"
                            + "uncovered_agent_hours,worst_interval_uncovered.")
    Path out;

    @Option(
            names = "--plan",
            required = true,
            paramLabel = "FILE",
            description = "Training plan: agent_id,team,train_in (one row per training).")
    Path plan;

    @Option(
            names = "--schedule",
            paramLabel = "FILE",
            description =
                    "Schedule CSV (joignable schedule): agents count only in their shifts, off"
                            + " their breaks. Without it each agent is assumed present a constant"
                            + " share of every interval (see --availability).")
    Path schedule;

    @Option(
            names = "--availability",
            paramLabel = "SHARE",
            description =
                    "Without --schedule: the share of each interval with demand a full-time agent"
                            + " is present (default: 35 h a week over the plan's open hours a week).")
    Double availability;

    @Option(
            names = "--check-by-simulation",
            negatable = true,
            paramLabel = "BOOLEAN",
            description =
                    "With --schedule: replay the schedule's agents on the plan's live workload"
                            + " (simulate), name the queues short of trained agents and choose"
                            + " trainings one at a time by simulation (default: on with"
                            + " --schedule).")
    Boolean checkBySimulation;

    @Option(
            names = "--check-seeds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Seeds of the simulation check, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int checkSeeds;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description =
                    "Targets YAML for the simulation check (thresholds, patience, chat"
                            + " concurrency); default: the centre's joignable.yaml, else the"
                            + " documented defaults.")
    Path targets;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (availability != null && !(availability > 0 && availability <= 1)) {
            throw new UsageException("--availability must be in (0, 1]");
        }
        if (availability != null && schedule != null) {
            throw new UsageException("--availability and --schedule exclude each other");
        }
        if (checkSeeds < 1 || checkSeeds > 100) {
            throw new UsageException("--check-seeds: must be in [1, 100], got " + checkSeeds);
        }
        boolean simulate = checkBySimulation == null ? schedule != null : checkBySimulation;
        if (simulate && schedule == null) {
            throw new UsageException("--check-by-simulation needs --schedule");
        }
        TargetsConfig config = simulate ? targetsConfig() : null;
        Roster agents = Roster.read(roster);
        StaffingPlan staffingPlan = StaffingPlan.read(staffing);
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
                sim = simulationCheck(config);
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
        return result.verified() ? JoignableCli.EXIT_OK : JoignableCli.EXIT_FAILURE;
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
    static String simulatedBeside(SimulatedTraining.Outcome sim) {
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

    private TargetsConfig targetsConfig() {
        java.util.Optional<Path> targetsFile =
                targets != null ? java.util.Optional.of(targets) : configFile.located();
        return targetsFile.isEmpty()
                ? TargetsConfig.defaults()
                : TargetsConfig.read(targetsFile.get());
    }

    private SimulatedTraining.Outcome simulationCheck(TargetsConfig config) {
        Replay.Workload workload =
                new Replay.Workload(ForecastReader.read(staffing, "offered"), config);
        return new SimulatedTraining(workload, schedule, config.openingHours().zone(), checkSeeds)
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
