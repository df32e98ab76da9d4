package fr.joignable.cli.run;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.table.RosterTable;
import fr.joignable.forecasting.schedule.Hiring;
import fr.joignable.forecasting.schedule.ScheduleResult;
import fr.joignable.forecasting.schedule.ScheduleVerification;
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.Roster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The hiring step of {@code schedule --verify --hire-out FILE} ({@link Hiring}): when the schedule
 * kept for today's roster leaves a live queue under the criterion or without a margin on the
 * confirmation seeds, try one full-time hire per profile trained in the queue with the least to
 * spare, each re-solved with the same solver limits and replayed on {@link #SELECTION_SEEDS}
 * selection seeds ({@link ScheduleVerification#HOLDOUT_FIRST_SEED}…); hire the best ({@link
 * Hiring.Score}; ties: fewer skills, then roster order) if it is worth a hire over today's and
 * keeps paid hours within {@link ScheduleVerify#PAID_SLACK} of the plan; repeat for at most {@code
 * maxHires}. The schedule of the last roster kept is judged again on the confirmation seeds ({@link
 * ScheduleVerification#CONFIRM_FIRST_SEED}…), which chose nothing.
 */
final class ScheduleHire {

    /** What the step kept: the final schedule (confirmed), its roster, and the hires made. */
    record Hired(ScheduleVerify.Kept kept, List<RosterTable.Row> roster, List<String> hires) {}

    private record Trial(
            Hiring.Candidate candidate,
            List<RosterTable.Row> roster,
            ScheduleResult result,
            ScheduleVerification.Outcome outcome,
            Hiring.Score score) {}

    /**
     * Seeds that choose the hires ({@link ScheduleVerification#HOLDOUT_FIRST_SEED}…): twice the
     * confirmation's, as one slot of 50 is within the noise of 10 seeds (the demo's GL phone: 48 of
     * 50 on 10 of them, 46 on 10 others, for the same schedule).
     */
    static final int SELECTION_SEEDS = 2 * ScheduleVerify.CONFIRM_SEEDS;

    private ScheduleHire() {}

    /**
     * @param today the schedule kept for today's roster, confirmed
     * @param solve solves for a roster (the same plan, rules and limits as today's schedule)
     * @param scratch a directory for the candidate rosters' files
     */
    static Hired hire(
            ScheduleVerify.Kept today,
            Path rosterFile,
            Function<Roster, ScheduleResult> solve,
            Path workloadFile,
            TargetsConfig config,
            int maxHires,
            Path scratch,
            PrintWriter out)
            throws IOException {
        List<RosterTable.Row> roster = RosterTable.read(rosterFile);
        Replay.Workload workload =
                new Replay.Workload(ForecastReader.read(workloadFile, "offered"), config);
        if (Hiring.score(today.outcome()).hasTheMargin()) {
            say(
                    out,
                    "hire: every live queue meets the criterion with %d slots to spare or all its slots on"
                            + " the confirmation seeds: no hire",
                    Hiring.MARGIN_SLOTS);
            return new Hired(today, roster, List.of());
        }
        int seeds = Math.max(today.seeds(), ScheduleVerify.CONFIRM_SEEDS);
        ScheduleResult current = today.result();
        ScheduleVerification.Outcome selected =
                selection(workload, config, rosterFile, SELECTION_SEEDS).replay(current.shifts());
        say(
                out,
                "hire: today's roster (%d agent%s) on %d selection seeds: %s",
                roster.size(),
                roster.size() == 1 ? "" : "s",
                SELECTION_SEEDS,
                describe(selected));
        if (Hiring.score(selected).hasTheMargin()) {
            say(
                    out,
                    "hire: with the margin on the selection seeds (%d slots to spare or all met):"
                            + " no hire",
                    Hiring.MARGIN_SLOTS);
            return new Hired(today, roster, List.of());
        }
        List<String> hires = new ArrayList<>();
        for (int k = 1; k <= maxHires; k++) {
            ReplaySummary.Line tightest = Hiring.tightest(selected);
            if (tightest == null) {
                break;
            }
            List<Hiring.Candidate> candidates = Hiring.candidates(roster, tightest.queue());
            say(
                    out,
                    "hire %d: %s %s has the least to spare; %d profile(s) trained in it",
                    k,
                    tightest.queue(),
                    tightest.channel(),
                    candidates.size());
            Trial best = null;
            for (int c = 0; c < candidates.size(); c++) {
                Hiring.Candidate cand = candidates.get(c);
                List<RosterTable.Row> trialRoster = Hiring.with(roster, cand.agent());
                Path file = scratch.resolve("roster-hire-" + k + "-" + (c + 1) + ".csv");
                writeRoster(file, trialRoster);
                ScheduleResult r = solve.apply(Roster.read(file));
                if (r.paidHours()
                        > (1 + ScheduleVerify.PAID_SLACK) * r.requiredAgentHours() + 1e-9) {
                    say(
                            out,
                            "hire %d:   %s like %s: paid %.1f h, more than the plan's %.1f"
                                    + " agent-hours + 10 %%: not a candidate",
                            k,
                            cand.agent().agentId(),
                            cand.like().agentId(),
                            r.paidHours(),
                            r.requiredAgentHours());
                    continue;
                }
                ScheduleVerification.Outcome o =
                        selection(workload, config, file, SELECTION_SEEDS).replay(r.shifts());
                Trial t = new Trial(cand, trialRoster, r, o, Hiring.score(o));
                say(
                        out,
                        "hire %d:   %s like %s (%s, %s, full time): %s; paid %.1f h",
                        k,
                        cand.agent().agentId(),
                        cand.like().agentId(),
                        cand.agent().team(),
                        String.join(";", cand.agent().skills()),
                        describe(o),
                        r.paidHours());
                if (best == null || better(t, best)) {
                    best = t;
                }
            }
            Hiring.Score now = Hiring.score(selected);
            if (best == null || !best.score().worthAHireOver(now)) {
                say(
                        out,
                        "hire %d: no candidate does better than without it on the selection seeds:"
                                + " none hired",
                        k);
                break;
            }
            roster = best.roster();
            current = best.result();
            selected = best.outcome();
            String hired =
                    String.format(
                            Locale.ROOT,
                            "%s (full time, %s, %s, like %s)",
                            best.candidate().agent().agentId(),
                            best.candidate().agent().team(),
                            String.join(";", best.candidate().agent().skills()),
                            best.candidate().like().agentId());
            hires.add(hired);
            say(out, "hire %d: %s hired", k, hired);
            if (best.score().hasTheMargin()) {
                break;
            }
        }
        if (hires.isEmpty()) {
            return new Hired(today, RosterTable.read(rosterFile), hires);
        }
        Path finalRoster = scratch.resolve("roster-hired.csv");
        writeRoster(finalRoster, roster);
        ScheduleVerification.Outcome confirmed =
                selection(workload, config, finalRoster, 1)
                        .withSeeds(ScheduleVerification.CONFIRM_FIRST_SEED, seeds)
                        .replay(current.shifts());
        say(
                out,
                "hire: %d hire(s); the schedule is for the roster with them (%d agents); on %d"
                        + " confirmation seeds that chose nothing: %s",
                hires.size(),
                roster.size(),
                seeds,
                describe(confirmed));
        return new Hired(
                new ScheduleVerify.Kept(current, confirmed, today.round(), today.rounds(), seeds),
                roster,
                hires);
    }

    /**
     * {@code a} before {@code b}: a better score, then fewer skills (a hire trained in less is
     * quicker to train), then the earlier profile.
     */
    private static boolean better(Trial a, Trial b) {
        int c = a.score().compareTo(b.score());
        if (c != 0) {
            return c > 0;
        }
        return a.candidate().agent().skills().size() < b.candidate().agent().skills().size();
    }

    private static ScheduleVerification selection(
            Replay.Workload workload, TargetsConfig config, Path roster, int seeds) {
        return new ScheduleVerification(
                workload,
                StaffRoster.read(roster),
                config.openingHours(),
                ScheduleVerification.HOLDOUT_FIRST_SEED,
                seeds);
    }

    static void writeRoster(Path file, List<RosterTable.Row> roster) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeText(file, w -> RosterTable.write(w, roster));
    }

    /** Deletes the candidates' roster files and their directory. */
    static void deleteScratch(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** "worst GESTION_LOCATIVE PHONE 46 of 50 slots (45 needed), all queues 96 %". */
    static String describe(ScheduleVerification.Outcome o) {
        ReplaySummary.Line worst = null;
        for (ReplaySummary.Line l : o.lines()) {
            if (l.slots() > 0 && (worst == null || l.slotShare() < worst.slotShare())) {
                worst = l;
            }
        }
        if (worst == null) {
            return "no judged slot";
        }
        int needed = (int) Math.ceil(ScheduleVerification.PASS_SHARE * worst.slots() - 1e-9);
        return String.format(
                Locale.ROOT,
                "worst %s %s %d of %d slots (%d needed), all queues %.0f %%",
                worst.queue(),
                worst.channel(),
                worst.slotsMet(),
                worst.slots(),
                needed,
                100 * o.overallShare());
    }

    private static void say(PrintWriter out, String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
