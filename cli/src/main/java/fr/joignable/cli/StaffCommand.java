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
        java.util.Map<java.time.Instant, Double> perInterval = new java.util.TreeMap<>();
        for (StaffingPlan.StaffingRow r : plan) {
            perInterval.merge(r.forecast().intervalStart(), r.scheduledAgents(), Double::sum);
        }
        java.util.Map.Entry<java.time.Instant, Double> peak =
                perInterval.entrySet().stream()
                        .max(java.util.Map.Entry.comparingByValue())
                        .orElse(null);
        spec.commandLine()
                .getOut()
                .printf(
                        java.util.Locale.ROOT,
                        "%d rows staffed to %s; peak %s scheduled agents (all queues) at %s%n",
                        plan.size(),
                        out,
                        peak == null
                                ? "0"
                                : fr.joignable.domain.kpi.KpiFormat.decimal(
                                        Math.round(peak.getValue() * 10) / 10.0),
                        peak == null ? "-" : peak.getKey());
        spec.commandLine().getOut().flush();
        return JoignableCli.EXIT_OK;
    }
}
