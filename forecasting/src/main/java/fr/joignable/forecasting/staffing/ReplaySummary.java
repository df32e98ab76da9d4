package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.sim.PlanSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per live queue and channel, what a replay achieved over the horizon: the service level (answered
 * within the threshold / offered, all seeds pooled) against its target, and the share of the open
 * hour-of-week slots (local time; the weeks and seeds of a slot pooled, slots with at least {@link
 * #MIN_SLOT_CONTACTS} contacts) whose service level is within {@link #SLOT_TOLERANCE} of the target
 * or above.
 */
public final class ReplaySummary {

    public static final String HEADER =
            "interval_start,queue,channel,offered,service_level,abandon_rate,asa_s,occupancy,service_level_sd,agents_present";

    /** Slack allowed on a slot's service level, fraction (3 points). */
    public static final double SLOT_TOLERANCE = 0.03;

    /** Slots with fewer contacts (all seeds) are too noisy to judge. */
    public static final int MIN_SLOT_CONTACTS = 20;

    /** One queue and channel. */
    public record Line(
            String queue,
            Channel channel,
            double offeredPerSeed,
            double serviceLevel,
            double targetPercent,
            int slots,
            int slotsMet,
            double abandonRate) {

        public double slotShare() {
            return slots == 0 ? Double.NaN : (double) slotsMet / slots;
        }
    }

    private ReplaySummary() {}

    /** The summary lines, one per live stream. */
    public static List<Line> lines(
            Replay.Workload w, List<PlanSimulator.Result> runs, ZoneId zone) {
        PlanSimulator.Result total = PlanSimulator.sum(runs);
        List<Line> out = new ArrayList<>();
        for (int s = 0; s < w.queues().size(); s++) {
            long offered = 0;
            long within = 0;
            long abandoned = 0;
            Map<Integer, long[]> slots = new LinkedHashMap<>();
            for (int u = 0; u < w.size(); u++) {
                long o = total.offered()[s][u];
                if (o == 0) {
                    continue;
                }
                offered += o;
                within += total.withinThreshold()[s][u];
                abandoned += total.abandoned()[s][u];
                ZonedDateTime t = w.instant(u).atZone(zone);
                int slot = (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
                long[] v = slots.computeIfAbsent(slot, k -> new long[2]);
                v[0] += o;
                v[1] += total.withinThreshold()[s][u];
            }
            double target = w.targets().get(s).serviceLevelPercent() / 100;
            int judged = 0;
            int met = 0;
            for (long[] v : slots.values()) {
                if (v[0] < MIN_SLOT_CONTACTS) {
                    continue;
                }
                judged++;
                if ((double) v[1] / v[0] >= target - SLOT_TOLERANCE) {
                    met++;
                }
            }
            out.add(
                    new Line(
                            w.queues().get(s),
                            w.channels().get(s),
                            (double) offered / runs.size(),
                            offered == 0 ? Double.NaN : (double) within / offered,
                            w.targets().get(s).serviceLevelPercent(),
                            judged,
                            met,
                            offered == 0 ? Double.NaN : (double) abandoned / offered));
        }
        return out;
    }

    /** A line of text per queue: "LOYERS PHONE: 81.2 % (target 80 %), 95 % of 45 slots met". */
    public static String format(Line l) {
        return String.format(
                Locale.ROOT,
                "%s %s: service level %.1f %% (target %.0f %%), abandon %.1f %%, %s of %d"
                        + " hour-of-week slots within 3 points",
                l.queue(),
                l.channel(),
                100 * l.serviceLevel(),
                l.targetPercent(),
                100 * l.abandonRate(),
                Double.isNaN(l.slotShare())
                        ? "-"
                        : String.format(Locale.ROOT, "%.0f %%", 100 * l.slotShare()),
                l.slots());
    }

    /** Writes the replay's rows (complete or not at all). */
    public static void write(Path file, List<Replay.Row> rows) throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    w.write(HEADER);
                    w.write('\n');
                    for (Replay.Row r : rows) {
                        w.write(
                                KpiFormat.csvLine(
                                        List.of(
                                                KpiFormat.instant(r.intervalStart()),
                                                r.queue(),
                                                r.channel().name(),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(r.offered(), 3)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(r.serviceLevel(), 4)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(r.abandonRate(), 4)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(r.asaSeconds(), 2)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(r.occupancy(), 4)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(
                                                                r.serviceLevelSpread(), 4)),
                                                KpiFormat.decimal(
                                                        StaffingPlan.round(
                                                                r.agentsPresent(), 2)))));
                        w.write('\n');
                    }
                });
    }
}
