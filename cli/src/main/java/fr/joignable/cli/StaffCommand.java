package fr.joignable.cli;

import fr.joignable.cli.run.StaffRun;
import fr.joignable.forecasting.staffing.StaffingPlan;
import java.nio.file.Path;
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
            defaultValue = StaffRun.DEFAULT_OFFERED_COLUMN,
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
            defaultValue = StaffRun.DEFAULT_CHECK_SEEDS,
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
        boolean check = checkBySimulation == null ? roster != null : checkBySimulation;
        if (searchMinimum && !check) {
            throw new UsageException("--search-minimum needs the simulation check");
        }
        new StaffRun(
                        forecast,
                        offeredColumn,
                        roster,
                        TargetsFiles.resolve(targets, configFile),
                        out,
                        poolsOut,
                        backlogOut,
                        check,
                        checkSeeds,
                        searchMinimum)
                .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return JoignableCli.EXIT_OK;
    }
}
