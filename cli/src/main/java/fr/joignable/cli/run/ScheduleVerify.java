package fr.joignable.cli.run;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.schedule.ScheduleResult;
import fr.joignable.forecasting.schedule.ScheduleVerification;
import fr.joignable.forecasting.schedule.Scheduler;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.QueueDemand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code --verify} part of {@code schedule}: replay, judge, raise the requirement (and weight
 * the pool) where a queue is under target, lower it where a queue is over-served, and re-solve, for
 * a bounded number of rounds; the best round is kept (the highest share of met slots for the worst
 * queue, the earliest on a tie) among those whose paid hours stay within {@link #PAID_SLACK} of the
 * plan's requirement. The raises are fitted on the tuning seeds ({@link
 * ScheduleVerification#TUNING_FIRST_SEED}…); the round kept is chosen, and reported, on as many
 * hold-out seeds ({@link ScheduleVerification#HOLDOUT_FIRST_SEED}…) that the raises never saw —
 * choosing on the tuning seeds favoured rounds that were merely lucky on them. The round kept is
 * then judged, and that is what is printed and written, on at least {@link #CONFIRM_SEEDS}
 * confirmation seeds ({@link ScheduleVerification#CONFIRM_FIRST_SEED}…) that chose nothing: the
 * best of several rounds on the hold-out seeds over-states it. None of the three sets is {@code
 * simulate}'s (1…N), so the demo's own {@code simulate} of the schedule is a check on fresh seeds
 * too.
 */
public final class ScheduleVerify {

    public static final String HEADER =
            "queue,channel,weekday,hour,contacts,service_level,target,met";

    /** Paid hours may exceed the plan's agent-hours by this share at most (+10 %). */
    static final double PAID_SLACK = 0.10;

    /**
     * The loop stops early only when every queue reaches this share on the hold-out seeds: the
     * criterion's 90 % judged on a few seeds is within noise of failing on fresh ones.
     */
    static final double STOP_SHARE = 0.95;

    /** The confirmation replay's seeds at least: about a second each on the demo's month. */
    static final int CONFIRM_SEEDS = 10;

    /**
     * The schedule kept and what its replay on {@code seeds} confirmation seeds showed; {@code
     * rounds}: one line per round.
     */
    record Kept(
            ScheduleResult result,
            ScheduleVerification.Outcome outcome,
            int round,
            List<String> rounds,
            int seeds) {}

    private ScheduleVerify() {}

    static Kept improve(
            ScheduleResult first,
            Function<ScheduleVerification.Raise, ScheduleResult> resolve,
            QueueDemand plan,
            Replay.Workload workload,
            Path rosterFile,
            TargetsConfig config,
            int seeds,
            int rounds,
            PrintWriter out)
            throws IOException {
        ScheduleVerification v =
                new ScheduleVerification(
                        workload,
                        StaffRoster.read(rosterFile),
                        config.openingHours(),
                        ScheduleVerification.TUNING_FIRST_SEED,
                        seeds);
        ScheduleVerification holdOut = v.withSeeds(ScheduleVerification.HOLDOUT_FIRST_SEED, seeds);
        List<String> log = new ArrayList<>();
        ScheduleResult r = first;
        ScheduleVerification.Outcome o = v.replay(r.shifts());
        ScheduleVerification.Outcome h = holdOut.replay(r.shifts());
        log.add(round(0, r, o, h));
        out.println("verify: " + log.get(0));
        out.flush();
        Kept best = new Kept(r, h, 0, log, seeds);
        ScheduleVerification.Raise extra = null;
        // a round that passes on the tuning seeds only is not done: the hold-out decides, and
        // with a margin (a queue at exactly 90 % on 8 seeds was 82-88 % on fresh ones)
        for (int k = 1; k <= rounds && !(o.passes() && h.worstShare() >= STOP_SHARE - 1e-12); k++) {
            // the hours of the first solve are kept (each week paid at least as much): a lower
            // requirement where a queue is over-served then moves hours instead of saving them
            extra = v.raise(plan, o, extra).withPaidFloor(Scheduler.weeklyPaid(first.shifts()));
            r = resolve.apply(extra);
            o = v.replay(r.shifts());
            h = holdOut.replay(r.shifts());
            log.add(round(k, r, o, h));
            out.println("verify: " + log.get(k));
            out.flush();
            boolean affordable = r.paidHours() <= (1 + PAID_SLACK) * r.requiredAgentHours() + 1e-9;
            if (affordable && better(h, best.outcome())) {
                best = new Kept(r, h, k, log, seeds);
            }
        }
        int confirmSeeds = Math.max(seeds, CONFIRM_SEEDS);
        ScheduleVerification.Outcome confirmed =
                v.withSeeds(ScheduleVerification.CONFIRM_FIRST_SEED, confirmSeeds)
                        .replay(best.result().shifts());
        out.printf(
                Locale.ROOT,
                "verify: round %d kept; on %d confirmation seeds that chose nothing: %.0f %% of all"
                        + " judged hour-of-week slots at or above target - 3 points, worst %s%n",
                best.round(),
                confirmSeeds,
                100 * confirmed.overallShare(),
                worst(confirmed));
        out.flush();
        return new Kept(best.result(), confirmed, best.round(), log, confirmSeeds);
    }

    /**
     * A later round replaces the kept one only when its worst queue meets strictly more slots on
     * the hold-out seeds. Ties (on all queues' share too) stay with the earlier round: measured on
     * 6 batches of 10 fresh seeds (docs/scheduling.md, round 4), rounds kept on such a tie were
     * worse than the first solve (worst batch 86-88 % against 90 %), their raises chasing noise.
     */
    private static boolean better(ScheduleVerification.Outcome a, ScheduleVerification.Outcome b) {
        return a.worstShare() > b.worstShare() + 1e-12;
    }

    private static String round(
            int k,
            ScheduleResult r,
            ScheduleVerification.Outcome o,
            ScheduleVerification.Outcome h) {
        return String.format(
                Locale.ROOT,
                "round %d%s: tuning seeds %.0f %% of all judged hour-of-week slots at or above target"
                        + " - 3 points, worst %s; hold-out seeds %.0f %%, worst %s;"
                        + " paid %.1f h (%+.1f %% vs the plan)",
                k,
                k == 0
                        ? " (as solved)"
                        : " (requirement raised and pool weighted where under target, lowered"
                                + " where over-served)",
                100 * o.overallShare(),
                worst(o),
                100 * h.overallShare(),
                worst(h),
                r.paidHours(),
                r.requiredAgentHours() > 0
                        ? 100 * (r.paidHours() / r.requiredAgentHours() - 1)
                        : 0);
    }

    /** The judged line with the lowest share of met slots (the first on a tie), or null. */
    static ReplaySummary.Line worstLine(Iterable<ReplaySummary.Line> lines) {
        ReplaySummary.Line worst = null;
        for (ReplaySummary.Line l : lines) {
            if (l.slots() > 0 && (worst == null || l.slotShare() < worst.slotShare() - 1e-12)) {
                worst = l;
            }
        }
        return worst;
    }

    private static String worst(ScheduleVerification.Outcome o) {
        ReplaySummary.Line worst = worstLine(o.lines());
        return worst == null
                ? "none"
                : String.format(
                        Locale.ROOT,
                        "%s %s %.0f %% of %d",
                        worst.queue(),
                        worst.channel(),
                        100 * worst.slotShare(),
                        worst.slots());
    }

    static void print(PrintWriter w, Kept kept) {
        ScheduleVerification.Outcome o = kept.outcome();
        int resolves = kept.rounds().size() - 1;
        w.printf(
                Locale.ROOT,
                "Verified in simulation (%s; judged on %d confirmation seeds that chose nothing):"
                        + " the schedule's agents in their shifts, per live queue:%n",
                resolves == 0
                        ? "the first solve, no re-solve asked"
                        : String.format(
                                Locale.ROOT,
                                "round %d kept, of %d re-solves",
                                kept.round(),
                                resolves),
                kept.seeds());
        for (ReplaySummary.Line l : o.lines()) {
            w.println("  " + ReplaySummary.format(l));
        }
        w.printf(
                Locale.ROOT,
                "Criterion (every live queue at or above target - 3 points in >= %.0f %% of its"
                        + " hour-of-week slots): %s; worst queue %.0f %%, all queues %.0f %%.%n",
                100 * ScheduleVerification.PASS_SHARE,
                o.passes() ? "met" : "not met",
                100 * o.worstShare(),
                100 * o.overallShare());
        for (String line : closeToTheLine(o)) {
            w.println("  " + line);
        }
        if (o.closedPerSeed() > 0) {
            w.printf(
                    Locale.ROOT,
                    "  (%.0f live contacts arrived while the centre was closed: not judged)%n",
                    o.closedPerSeed());
        }
        List<ScheduleVerification.Slot> failing = new ArrayList<>();
        for (ScheduleVerification.Slot s : o.slots()) {
            if (!s.met()) {
                failing.add(s);
            }
        }
        failing.sort(Comparator.comparingDouble(s -> s.serviceLevel() - s.targetPercent() / 100));
        if (!failing.isEmpty()) {
            w.printf("Furthest under target (%d slots under):%n", failing.size());
            for (ScheduleVerification.Slot s : failing.subList(0, Math.min(8, failing.size()))) {
                w.printf(
                        Locale.ROOT,
                        "  %s %s %s: %.1f %% (target %.0f %%)%n",
                        s.queue(),
                        s.channel(),
                        s.label(),
                        100 * s.serviceLevel(),
                        s.targetPercent());
            }
        }
    }

    /**
     * The queues that meet the criterion by at most one slot, and miss some: with 50 slots a queue,
     * one slot is 2 points, and another set of seeds moves a queue that close by a slot or two (the
     * demo's GL phone: 92 % on the confirmation seeds, 88–90 % on fresh ones). A planner should not
     * read "met" there as a margin.
     */
    static List<String> closeToTheLine(ScheduleVerification.Outcome o) {
        return closeToTheLine(o.lines());
    }

    /** The same notice for any replay's per-queue lines ({@code simulate} prints it too). */
    static List<String> closeToTheLine(List<ReplaySummary.Line> lines) {
        List<String> out = new ArrayList<>();
        for (ReplaySummary.Line l : lines) {
            // a queue that meets every slot is as far from the line as its size allows (18 of 18
            // is "one to spare", but no slot sits near its target)
            if (l.slots() == 0 || l.slotsMet() == l.slots()) {
                continue;
            }
            int needed = ScheduleVerification.slotsNeeded(l.slots());
            int spare = l.slotsMet() - needed;
            if (spare >= 0 && spare <= 1) {
                out.add(
                        String.format(
                                Locale.ROOT,
                                "Close to the line: %s %s meets %d of %d slots, %d needed; one"
                                        + " slot is %.0f points and other seeds can put it under"
                                        + " (re-check with simulate --seeds 40).",
                                l.queue(),
                                l.channel(),
                                l.slotsMet(),
                                l.slots(),
                                needed,
                                100.0 / l.slots()));
            }
        }
        return out;
    }

    static void write(Path file, ScheduleVerification.Outcome o) throws IOException {
        String[] days = {
            "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"
        };
        AtomicFiles.writeText(
                file,
                w -> {
                    w.write(HEADER);
                    w.write('\n');
                    for (ScheduleVerification.Slot s : o.slots()) {
                        w.write(
                                KpiFormat.csvLine(
                                        List.of(
                                                s.queue(),
                                                s.channel().name(),
                                                days[s.hourOfWeek() / 24],
                                                Integer.toString(s.hourOfWeek() % 24),
                                                Long.toString(s.offered()),
                                                KpiFormat.decimal(
                                                        Math.round(s.serviceLevel() * 1e4) / 1e4),
                                                KpiFormat.decimal(s.targetPercent() / 100),
                                                Boolean.toString(s.met()))));
                        w.write('\n');
                    }
                });
    }
}
