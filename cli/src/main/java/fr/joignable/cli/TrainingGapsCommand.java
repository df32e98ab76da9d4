package fr.joignable.cli;

import fr.joignable.cli.run.TrainingGapsRun;
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
            defaultValue = TrainingGapsRun.DEFAULT_CHECK_SEEDS,
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
        boolean verified =
                new TrainingGapsRun(
                                roster,
                                staffing,
                                out,
                                plan,
                                schedule,
                                availability,
                                simulate,
                                checkSeeds,
                                simulate ? TargetsFiles.resolve(targets, configFile) : null)
                        .run(stdout, stderr);
        return verified ? JoignableCli.EXIT_OK : JoignableCli.EXIT_FAILURE;
    }
}
