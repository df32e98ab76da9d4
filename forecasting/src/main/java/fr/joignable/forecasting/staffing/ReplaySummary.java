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
 * #MIN_SLOT_CONTACTS} contacts) whose service level is at or above the target less {@link
 * #SLOT_TOLERANCE}, and the share within the strict band {@code target ± SLOT_TOLERANCE}. A slot's
 * service level is the ratio of its sums over the horizon's weeks and the seeds (answered within
 * threshold / offered), i.e. the contact-weighted mean of its intervals' service levels.
 */
public final class ReplaySummary {

    /** The replay's columns: the what-if table the report reads ({@code WhatIfTable}). */
    public static final String HEADER = fr.joignable.domain.table.WhatIfTable.HEADER;

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
            double abandonRate,
            int slotsInBand) {

        /** Share of the judged slots at or above {@code target − 3 points}. */
        public double slotShare() {
            return slots == 0 ? Double.NaN : (double) slotsMet / slots;
        }

        /** Share of the judged slots within {@code target ± 3 points} (the strict band). */
        public double bandShare() {
            return slots == 0 ? Double.NaN : (double) slotsInBand / slots;
        }

        /** Share of the judged slots more than 3 points above target (over-service). */
        public double aboveShare() {
            return slots == 0 ? Double.NaN : (double) (slotsMet - slotsInBand) / slots;
        }
    }

    /** The plan's acceptance criterion: share of slots a live queue must meet (90 %). */
    public static final double CRITERION_SHARE = 0.90;

    /**
     * The done-when criterion over the summary lines: the worst queue's share of slots at or above
     * {@code target − 3 points} (met when ≥ {@link #CRITERION_SHARE}), and the worst queue's share
     * within the strict {@code ± 3 points} band.
     */
    public record Criterion(
            Line worstFloor, double floorShare, Line worstBand, double bandShare, int queues) {

        public boolean met() {
            return queues > 0 && floorShare >= CRITERION_SHARE - 1e-12;
        }
    }

    /** The criterion of {@code lines} (queues without a judged slot are left out). */
    public static Criterion criterion(List<Line> lines) {
        Line wf = null;
        Line wb = null;
        int n = 0;
        for (Line l : lines) {
            if (l.slots() == 0) {
                continue;
            }
            n++;
            if (wf == null || l.slotShare() < wf.slotShare()) {
                wf = l;
            }
            if (wb == null || l.bandShare() < wb.bandShare()) {
                wb = l;
            }
        }
        return new Criterion(
                wf,
                wf == null ? Double.NaN : wf.slotShare(),
                wb,
                wb == null ? Double.NaN : wb.bandShare(),
                n);
    }

    /** The criterion as printed by {@code staff} and {@code simulate}. */
    public static String format(Criterion c) {
        if (c.queues() == 0) {
            return "criterion: no live queue has an hour-of-week slot with enough contacts to judge";
        }
        return String.format(
                Locale.ROOT,
                "criterion (every live queue at or above target - 3 points in >= %.0f %% of its"
                        + " open hour-of-week slots): %s, worst %s %s %.0f %%; strict band"
                        + " (within +-3 points): worst %s %s %.0f %%",
                100 * CRITERION_SHARE,
                c.met() ? "MET" : "NOT MET",
                c.worstFloor().queue(),
                c.worstFloor().channel(),
                100 * c.floorShare(),
                c.worstBand().queue(),
                c.worstBand().channel(),
                100 * c.bandShare());
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
            int band = 0;
            for (long[] v : slots.values()) {
                if (v[0] < MIN_SLOT_CONTACTS) {
                    continue;
                }
                judged++;
                double sl = (double) v[1] / v[0];
                if (sl >= target - SLOT_TOLERANCE - 1e-12) {
                    met++;
                    if (sl <= target + SLOT_TOLERANCE + 1e-12) {
                        band++;
                    }
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
                            offered == 0 ? Double.NaN : (double) abandoned / offered,
                            band));
        }
        return out;
    }

    /**
     * A line of text per queue: "LOYERS PHONE: service level 81.2 % (target 80 %), abandon 2.0 %;
     * 45 hour-of-week slots: 98 % at or above target - 3, 71 % within +-3, 27 % above".
     */
    public static String format(Line l) {
        return String.format(
                Locale.ROOT,
                "%s %s: service level %.1f %% (target %.0f %%), abandon %.1f %%; %d hour-of-week"
                        + " slots: %s at or above target - 3 points, %s within +-3, %s above",
                l.queue(),
                l.channel(),
                100 * l.serviceLevel(),
                l.targetPercent(),
                100 * l.abandonRate(),
                l.slots(),
                percent(l.slotShare()),
                percent(l.bandShare()),
                percent(l.aboveShare()));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
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
