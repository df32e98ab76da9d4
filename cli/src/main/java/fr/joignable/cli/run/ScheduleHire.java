package fr.joignable.cli.run;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.table.RosterTable;
import fr.joignable.forecasting.schedule.Hiring;
import fr.joignable.forecasting.schedule.ScheduleResult;
import fr.joignable.forecasting.schedule.ScheduleVerification;
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
 * The hiring step of {@code schedule --verify --hire-out FILE} ({@link Hiring}). The schedule kept
 * for today's roster is replayed on {@link #BATCHES} batches of {@link
 * ScheduleVerify#CONFIRM_SEEDS} selection seeds ({@link ScheduleVerification#HOLDOUT_FIRST_SEED}…);
 * while some batch shows a live queue without a margin ({@link Hiring#MARGIN_SLOTS}), one full-time
 * hire per profile trained in the queue with the least to spare is tried, each re-solved with the
 * same solver limits and replayed on the same batches; the best ({@link Hiring.Score} of its worst
 * batch; ties: fewer skills, then roster order) is hired if it is worth a hire over the roster
 * before it and keeps paid hours within {@link ScheduleVerify#PAID_SLACK} of the plan; at most
 * {@code maxHires}. The schedule of the last roster kept is judged again on the confirmation seeds
 * ({@link ScheduleVerification#CONFIRM_FIRST_SEED}…), which chose nothing.
 */
final class ScheduleHire {

    /** Batches of selection seeds: a schedule counts as good as its worst batch. */
    static final int BATCHES = 4;

    /** What the step kept: the final schedule (confirmed), its roster, and the hires made. */
    record Hired(ScheduleVerify.Kept kept, List<RosterTable.Row> roster, List<String> hires) {}

    private record Trial(
            Hiring.Candidate candidate,
            List<RosterTable.Row> roster,
            ScheduleResult result,
            List<ScheduleVerification.Outcome> batches,
            Hiring.Score score) {}

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
            Replay.Workload workload,
            TargetsConfig config,
            int maxHires,
            Path scratch,
            PrintWriter out)
            throws IOException {
        List<RosterTable.Row> roster = RosterTable.read(rosterFile);
        ScheduleResult current = today.result();
        List<ScheduleVerification.Outcome> selected =
                batches(workload, config, rosterFile, current);
        say(
                out,
                "hire: today's roster (%d agent%s) on %d batches of %d selection seeds: %s",
                roster.size(),
                roster.size() == 1 ? "" : "s",
                BATCHES,
                ScheduleVerify.CONFIRM_SEEDS,
                describe(selected));
        List<String> hires = new ArrayList<>();
        for (int k = 1; k <= maxHires; k++) {
            ReplaySummary.Line tightest = Hiring.tightest(selected);
            if (tightest == null) {
                say(
                        out,
                        "hire: every live queue meets the criterion with %d slot(s) to spare, or"
                                + " all its slots, in every batch: %s",
                        Hiring.MARGIN_SLOTS,
                        k == 1 ? "no hire" : "no more hires");
                break;
            }
            List<Hiring.Candidate> candidates = Hiring.candidates(roster, tightest.queue());
            say(
                    out,
                    "hire %d: %s %s has the least to spare (%d of %d slots in a batch); %d"
                            + " profile(s) trained in it",
                    k,
                    tightest.queue(),
                    tightest.channel(),
                    tightest.slotsMet(),
                    tightest.slots(),
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
                List<ScheduleVerification.Outcome> o = batches(workload, config, file, r);
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
            if (best == null || !best.score().worthAHireOver(Hiring.score(selected))) {
                say(
                        out,
                        "hire %d: no candidate does better than without him on the selection"
                                + " seeds: none hired",
                        k);
                break;
            }
            roster = best.roster();
            current = best.result();
            selected = best.batches();
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
        }
        if (hires.isEmpty()) {
            return new Hired(today, roster, hires);
        }
        Path finalRoster = scratch.resolve("roster-hired.csv");
        writeRoster(finalRoster, roster);
        int seeds = Math.max(today.seeds(), ScheduleVerify.CONFIRM_SEEDS);
        ScheduleVerification.Outcome confirmed =
                verification(
                                workload,
                                config,
                                finalRoster,
                                ScheduleVerification.CONFIRM_FIRST_SEED,
                                seeds)
                        .replay(current.shifts());
        say(
                out,
                "hire: %d hire(s); the schedule is for the roster with them (%d agents); on %d"
                        + " confirmation seeds that chose nothing: %s",
                hires.size(),
                roster.size(),
                seeds,
                describe(List.of(confirmed)));
        return new Hired(
                new ScheduleVerify.Kept(current, confirmed, today.round(), today.rounds(), seeds),
                roster,
                hires);
    }

    private static List<ScheduleVerification.Outcome> batches(
            Replay.Workload workload, TargetsConfig config, Path roster, ScheduleResult r)
            throws IOException {
        List<ScheduleVerification.Outcome> out = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            out.add(
                    verification(
                                    workload,
                                    config,
                                    roster,
                                    ScheduleVerification.HOLDOUT_FIRST_SEED
                                            + b * ScheduleVerify.CONFIRM_SEEDS,
                                    ScheduleVerify.CONFIRM_SEEDS)
                            .replay(r.shifts()));
        }
        return out;
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

    private static ScheduleVerification verification(
            Replay.Workload workload, TargetsConfig config, Path roster, int first, int seeds) {
        return new ScheduleVerification(
                workload, StaffRoster.read(roster), config.openingHours(), first, seeds);
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

    /**
     * "worst GESTION_LOCATIVE PHONE 45 of 50 slots (45 needed), all queues 97 %; by batch 47, 45,
     * 46, 46": the worst queue of the worst batch, the share of all, and that queue's slots met in
     * each batch.
     */
    static String describe(List<ScheduleVerification.Outcome> batches) {
        List<ReplaySummary.Line> all = new ArrayList<>();
        for (ScheduleVerification.Outcome o : batches) {
            all.addAll(o.lines());
        }
        ReplaySummary.Line worst = ScheduleVerify.worstLine(all);
        if (worst == null) {
            return "no judged slot";
        }
        int judged = 0;
        int met = 0;
        for (ReplaySummary.Line l : all) {
            judged += l.slots();
            met += l.slotsMet();
        }
        int needed = ScheduleVerification.slotsNeeded(worst.slots());
        StringBuilder byBatch = new StringBuilder();
        if (batches.size() > 1) {
            byBatch.append("; by batch");
            for (int b = 0; b < batches.size(); b++) {
                for (ReplaySummary.Line l : batches.get(b).lines()) {
                    if (l.queue().equals(worst.queue()) && l.channel() == worst.channel()) {
                        byBatch.append(b == 0 ? " " : ", ").append(l.slotsMet());
                    }
                }
            }
        }
        return String.format(
                Locale.ROOT,
                "worst %s %s %d of %d slots (%d needed), all queues %.0f %%%s",
                worst.queue(),
                worst.channel(),
                worst.slotsMet(),
                worst.slots(),
                needed,
                judged == 0 ? 100.0 : 100.0 * met / judged,
                byBatch);
    }

    private static void say(PrintWriter out, String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
