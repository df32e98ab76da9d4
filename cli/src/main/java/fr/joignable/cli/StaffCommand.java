package fr.joignable.cli;

import fr.joignable.forecasting.staffing.StaffingPlan;
import fr.joignable.forecasting.staffing.TargetsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable staff}: a staffing plan from a forecast. */
@Command(
        name = "staff",
        mixinStandardHelpOptions = true,
        description = {
            "A staffing plan from a forecast: per row, the agents needed and scheduled, and the"
                    + " expected service level, occupancy and asa_s.",
            "Live channels (PHONE, CHAT) with Erlang C, or Erlang A where a patience is"
                    + " configured; deferred channels (EMAIL, LETTER, PORTAL) by workload spread"
                    + " over the opening hours of their response-time window (docs/staffing.md).",
            ""
        })
public final class StaffCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--forecast",
            required = true,
            paramLabel = "FILE",
            description = "Forecast CSV: " + StaffingPlan.FORECAST_HEADER + ".")
    Path forecast;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description =
                    "Targets YAML per channel and queue (docs/targets-example.yaml); the"
                            + " documented defaults when absent.")
    Path targets;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Staffing CSV to write: " + StaffingPlan.STAFFING_HEADER + ".")
    Path out;

    @Override
    public Integer call() throws Exception {
        TargetsConfig config =
                targets == null ? TargetsConfig.defaults() : TargetsConfig.read(targets);
        List<StaffingPlan.ForecastRow> rows = StaffingPlan.readForecast(forecast);
        List<StaffingPlan.StaffingRow> plan = new StaffingPlan(config).plan(rows);
        StaffingPlan.write(out, plan);
        int peak =
                plan.stream().mapToInt(StaffingPlan.StaffingRow::scheduledAgents).max().orElse(0);
        spec.commandLine()
                .getOut()
                .printf(
                        "%d rows staffed, peak %d scheduled agents in one queue and interval: %s%n",
                        plan.size(), peak, out);
        spec.commandLine().getOut().flush();
        return JoignableCli.EXIT_OK;
    }
}
