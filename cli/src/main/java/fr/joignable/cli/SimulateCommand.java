package fr.joignable.cli;

import fr.joignable.cli.run.SimulateRun;
import fr.joignable.cli.run.StaffRun;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffingPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable simulate}: what a staffing plan or a schedule would achieve. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Replays a forecast's live workload through the contact-centre simulator with the"
                    + " agents of a staffing plan (agents per pool per interval, given to roster"
                    + " agents with matching skills) or of a schedule (agent_id,date,start,end,"
                    + "breaks), and writes per (interval, queue, channel) the service level,"
                    + " abandon rate, asa_s and occupancy, the mean of N seeds (common random"
                    + " numbers), with the spread between seeds (docs/staffing.md).",
            ""
        })
public final class SimulateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--forecast",
            required = true,
            paramLabel = "FILE",
            description = "Forecast CSV: " + StaffingPlan.FORECAST_HEADER + ".")
    Path forecast;

    @Option(
            names = "--roster",
            required = true,
            paramLabel = "FILE",
            description = "Roster CSV (agent_id,team,skills,fte): the agents' skills.")
    Path roster;

    @Option(
            names = "--presence-history",
            paramLabel = "DIR",
            description =
                    "Instead of --staffing, the what-if of today's roster as it is really present:"
                            + " the teams' available agents (ready + busy + wrap-up) of the same"
                            + " hour of the latest history week, from DIR/agent_intervals"
                            + " (Parquet, or DIR/agent_intervals.csv).")
    Path presenceHistory;

    @Option(
            names = "--staffing",
            paramLabel = "FILE",
            description =
                    "A staffing plan ("
                            + StaffingPlan.STAFFING_HEADER
                            + ") or a schedule ("
                            + ReplayAgents.SCHEDULE_HEADER
                            + "), told apart by the header.")
    Path staffing;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description =
                    "Targets YAML (thresholds, patience, chat concurrency); default: the centre's"
                            + " joignable.yaml (--config and its search path), else the"
                            + " documented defaults.")
    Path targets;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Option(
            names = "--offered-column",
            paramLabel = "NAME",
            defaultValue = StaffRun.DEFAULT_OFFERED_COLUMN,
            description = "Forecast column holding the volume (default: ${DEFAULT-VALUE}).")
    String offeredColumn;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            defaultValue = SimulateRun.DEFAULT_SEEDS,
            description = "Seeds to average, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "CSV to write: " + ReplaySummary.HEADER + ".")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 1000) {
            throw new UsageException("--seeds: must be in [1, 1000], got " + seeds);
        }
        if ((staffing == null) == (presenceHistory == null)) {
            throw new UsageException("give one of --staffing FILE and --presence-history DIR");
        }
        new SimulateRun(
                        forecast,
                        offeredColumn,
                        roster,
                        staffing,
                        presenceHistory,
                        TargetsFiles.resolve(targets, configFile),
                        seeds,
                        out)
                .run(spec.commandLine().getOut());
        return JoignableCli.EXIT_OK;
    }
}
