package fr.joignable.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.config.ServiceLevelTarget;
import fr.joignable.forecasting.staffing.ErlangA;
import fr.joignable.forecasting.staffing.ErlangC;
import fr.joignable.forecasting.staffing.QueueMetrics;
import fr.joignable.forecasting.staffing.QueueModel;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.Shrinkage;
import fr.joignable.forecasting.staffing.StaffingTargets;
import fr.joignable.jobs.options.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable erlang}: a staffing calculator for one interval (Erlang C, or A). */
@Command(
        name = "erlang",
        mixinStandardHelpOptions = true,
        description = {
            "A staffing calculator for one interval: the fewest agents meeting the targets given,"
                    + " or the performance of --agents agents.",
            "Erlang C (M/M/N) by default, Erlang A (M/M/N+M) with --patience. Traffic A ="
                    + " volume x aht / interval.",
            "Service level and prob_wait are fractions 0-1 over all contacts; asa_s is the mean"
                    + " wait over all contacts, in seconds.",
            "Erlang C with agents <= A is unstable: prob_wait 1, service level 0, occupancy 1,"
                    + " and the wait unbounded (printed as such; asa_s is null in --json, with"
                    + " \"stable\": false).",
            ""
        })
public final class ErlangCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--volume",
            required = true,
            paramLabel = "N",
            description = "Contacts offered in the interval (decimals allowed, > 0).")
    double volume;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "15m",
            converter = DurationConverter.class,
            description = "Length of the interval (default: ${DEFAULT-VALUE}, the KPI grid).")
    Duration interval;

    @Option(
            names = "--aht",
            required = true,
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Mean handle time (talk + wrap-up), > 0.")
    Duration aht;

    @Option(
            names = "--sl",
            paramLabel = "P/T",
            description =
                    "Service-level target: P percent (0-100] answered within T seconds (a duration;"
                            + " decimals allowed: 80/19.8). Reported for 80/20 when absent.")
    String serviceLevel;

    @Option(
            names = "--agents",
            paramLabel = "N",
            description = "Evaluate this staffing (>= 1) instead of searching.")
    Integer agents;

    @Option(
            names = "--max-occupancy",
            paramLabel = "X",
            description = "Maximum occupancy target, in (0, 1].")
    Double maxOccupancy;

    @Option(
            names = "--asa",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Maximum mean wait over all contacts (ASA) target, > 0.")
    Duration asa;

    @Option(
            names = "--shrinkage",
            paramLabel = "S",
            defaultValue = "0",
            description =
                    "Shrinkage in [0, 1): scheduled_agents = ceil(agents / (1 - S)) (default:"
                            + " ${DEFAULT-VALUE}).")
    double shrinkage;

    @Option(
            names = "--patience",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Mean patience before hanging up, > 0: switches to Erlang A.")
    Duration patience;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(volume > 0) || Double.isInfinite(volume)) {
            throw new UsageException("--volume must be a number > 0, got " + volume);
        }
        if (interval.isZero()) {
            throw new UsageException("--interval must be > 0");
        }
        if (aht.isZero()) {
            throw new UsageException("--aht must be > 0");
        }
        if (agents != null && agents < 1) {
            throw new UsageException("--agents must be >= 1, got " + agents);
        }
        if (maxOccupancy != null && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new UsageException("--max-occupancy must be in (0, 1], got " + maxOccupancy);
        }
        if (asa != null && asa.isZero()) {
            throw new UsageException("--asa must be > 0");
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new UsageException("--shrinkage must be in [0, 1), got " + shrinkage);
        }
        if (patience != null && patience.isZero()) {
            throw new UsageException("--patience must be > 0");
        }
        StaffingTargets targets = StaffingTargets.none();
        if (serviceLevel != null) {
            targets = targets.withServiceLevel(parseServiceLevel(serviceLevel));
        }
        if (asa != null) {
            targets = targets.withMaxAsa(seconds(asa));
        }
        if (maxOccupancy != null) {
            targets = targets.withMaxOccupancy(maxOccupancy);
        }
        double ahtSeconds = seconds(aht);
        double traffic = volume * ahtSeconds / seconds(interval);
        QueueModel model =
                patience == null
                        ? ErlangC.of(traffic, ahtSeconds)
                        : ErlangA.of(traffic, ahtSeconds, seconds(patience));
        QueueMetrics m;
        if (agents != null) {
            m = model.evaluate(agents, targets.thresholdSeconds());
        } else {
            StaffingTargets search =
                    targets.isEmpty()
                            ? targets.withServiceLevel(
                                    StaffingTargets.DEFAULT_PERCENT,
                                    StaffingTargets.DEFAULT_THRESHOLD_SECONDS)
                            : targets;
            try {
                m = RequiredAgents.solve(model, search);
            } catch (IllegalArgumentException e) {
                throw new fr.joignable.domain.io.InputException(
                        "no staffing meets the targets: " + e.getMessage());
            }
        }
        int scheduled = Shrinkage.of(shrinkage).scheduledAgents(m.agents());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(m, scheduled));
        } else {
            printText(out, model, targets, m, scheduled);
        }
        out.flush();
        return JoignableCli.EXIT_OK;
    }

    /** A duration in seconds, to the millisecond the options are read to. */
    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** {@code P/T} as {@code joignable.yaml} writes it ({@link ServiceLevelTarget#parse}). */
    static ServiceLevelTarget parseServiceLevel(String text) {
        try {
            return ServiceLevelTarget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sl: " + e.getMessage());
        }
    }

    private String toJson(QueueMetrics m, int scheduled) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("agents", m.agents());
        node.put("traffic_erlangs", m.traffic());
        node.put("prob_wait", m.probWait());
        node.put("service_level", m.serviceLevel());
        if (m.stable()) {
            node.put("asa_s", m.asaSeconds());
        } else {
            node.putNull("asa_s");
        }
        node.put("occupancy", m.occupancy());
        node.put("scheduled_agents", scheduled);
        if (m.hasAbandonment()) {
            node.put("prob_abandon", m.probAbandon());
        }
        node.put("stable", m.stable());
        return mapper.writeValueAsString(node);
    }

    private void printText(
            PrintWriter out,
            QueueModel model,
            StaffingTargets targets,
            QueueMetrics m,
            int scheduled) {
        String sl =
                fmt(targets.serviceLevelPercent().orElse(StaffingTargets.DEFAULT_PERCENT))
                        + "/"
                        + fmt(targets.thresholdSeconds());
        row(out, "model", model instanceof ErlangA ? "Erlang A (M/M/N+M)" : "Erlang C (M/M/N)");
        row(out, "traffic", String.format(Locale.ROOT, "%.4f erlangs", m.traffic()));
        row(out, "agents", Integer.toString(m.agents()));
        row(
                out,
                "scheduled agents",
                scheduled + String.format(Locale.ROOT, "  (shrinkage %s)", fmt(shrinkage)));
        if (!m.stable()) {
            row(out, "", "UNSTABLE: agents <= traffic, the queue grows without limit");
        }
        row(out, "probability of waiting", String.format(Locale.ROOT, "%.4f", m.probWait()));
        row(
                out,
                "service level " + sl,
                String.format(Locale.ROOT, "%.4f", m.serviceLevel())
                        + verdict(
                                targets.serviceLevelPercent().isPresent(),
                                targets.serviceLevelMetBy(m)));
        row(
                out,
                "ASA (all contacts)",
                m.stable()
                        ? String.format(Locale.ROOT, "%.2f s", m.asaSeconds())
                                + verdict(targets.maxAsaSeconds().isPresent(), targets.asaMetBy(m))
                        : "unbounded");
        row(
                out,
                "occupancy",
                String.format(Locale.ROOT, "%.4f", m.occupancy())
                        + verdict(targets.maxOccupancy().isPresent(), targets.occupancyMetBy(m)));
        if (m.hasAbandonment()) {
            row(out, "probability of abandon", String.format(Locale.ROOT, "%.4f", m.probAbandon()));
        }
    }

    private static String verdict(boolean isTarget, boolean met) {
        return isTarget ? (met ? "  (target met)" : "  (target MISSED)") : "";
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format(Locale.ROOT, "%-26s %s", label, value));
    }

    private static String fmt(double v) {
        return fr.joignable.domain.kpi.KpiFormat.decimal(v);
    }
}
