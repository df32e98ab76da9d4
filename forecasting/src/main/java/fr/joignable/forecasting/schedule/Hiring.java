package fr.joignable.forecasting.schedule;

import fr.joignable.domain.table.RosterTable;
import fr.joignable.forecasting.staffing.ReplaySummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hiring step of {@code schedule --verify --hire-out}: who to hire when the simulated centre
 * shows a queue short of people that no placement of today's agents can cover (the demo's Monday
 * 08:30–10:00: 29 agents asked for, 24 on the roster).
 *
 * <p>A candidate is one full-time agent with the skills of an agent already on the roster who is
 * trained in the queue with the least to spare: WFM planners hire "another one like X" (a profile
 * the centre already trains and organises teams around) rather than invent a skill set, and one
 * candidate per distinct skill set keeps the trials few (two on the demo's roster). The choice
 * between candidates, and whether to hire at all, is made by simulation ({@link #score}), not by
 * the agent-hours the plan counts: those favour the skill sets of the biggest pools, which are not
 * where the service level is lost. Replays are judged in batches of seeds, each batch as the
 * criterion judges a replay, and a schedule counts only as good as its worst batch: one set of 10
 * seeds can be lucky by two slots of 50 for the same schedule.
 */
public final class Hiring {

    /** A hire is full time: the contract a centre advertises. */
    public static final double HIRE_FTE = 1.0;

    /**
     * Slots to spare over the criterion's share that count as a margin, in every batch of seeds:
     * the demo's GESTION_LOCATIVE phone met 45 of 50 slots (exactly 90 %) in two batches of 10
     * fresh seeds of four with one hire, at least 47 in each with two (docs/scheduling.md, hiring
     * step).
     */
    public static final int MARGIN_SLOTS = 1;

    private static final Pattern NUMBERED = Pattern.compile("(\\D*)(\\d+)");

    private Hiring() {}

    /**
     * Slots met beyond the criterion's need ({@link ScheduleVerification#PASS_SHARE} of the judged
     * slots, rounded up): negative when the queue fails. A queue that meets every judged slot
     * counts as having the margin whatever its size (a 14-slot queue at 14 of 14 cannot spare two).
     */
    public static int spare(ReplaySummary.Line l) {
        int needed = ScheduleVerification.slotsNeeded(l.slots());
        return l.slotsMet() >= l.slots()
                ? MARGIN_SLOTS
                : Math.min(MARGIN_SLOTS, l.slotsMet() - needed);
    }

    /**
     * The live queue with the least to spare ({@link #spare}) in any of the batches; on a tie the
     * lower share of met slots, then the earlier batch and line. {@code null} when every judged
     * queue has the margin in every batch.
     */
    public static ReplaySummary.Line tightest(List<ScheduleVerification.Outcome> batches) {
        ReplaySummary.Line tightest = null;
        for (ScheduleVerification.Outcome o : batches) {
            for (ReplaySummary.Line l : o.lines()) {
                if (l.slots() == 0 || spare(l) >= MARGIN_SLOTS) {
                    continue;
                }
                if (tightest == null
                        || spare(l) < spare(tightest)
                        || (spare(l) == spare(tightest)
                                && l.slotShare() < tightest.slotShare() - 1e-12)) {
                    tightest = l;
                }
            }
        }
        return tightest;
    }

    /**
     * How the replays of a schedule on batches of seeds rank, higher is better, compared in order:
     * the least spare of any queue in any batch (capped at the margin), the worst queue's share of
     * met slots in the worst batch, the met slots of all queues and batches.
     */
    public record Score(int leastSpare, double worstShare, int slotsMet)
            implements Comparable<Score> {

        @Override
        public int compareTo(Score o) {
            if (leastSpare != o.leastSpare) {
                return Integer.compare(leastSpare, o.leastSpare);
            }
            if (Math.abs(worstShare - o.worstShare) > 1e-12) {
                return Double.compare(worstShare, o.worstShare);
            }
            return Integer.compare(slotsMet, o.slotsMet);
        }

        /**
         * Worth a hire over {@code today}: more to spare, or a better worst queue. More slots met
         * elsewhere alone does not pay an agent's salary (and is within the seeds' noise).
         */
        public boolean worthAHireOver(Score today) {
            return leastSpare > today.leastSpare || worstShare > today.worstShare + 1e-12;
        }

        public boolean hasTheMargin() {
            return leastSpare >= MARGIN_SLOTS;
        }
    }

    public static Score score(List<ScheduleVerification.Outcome> batches) {
        int least = MARGIN_SLOTS;
        double worst = 1;
        int met = 0;
        for (ScheduleVerification.Outcome o : batches) {
            for (ReplaySummary.Line l : o.lines()) {
                if (l.slots() > 0) {
                    least = Math.min(least, spare(l));
                    met += l.slotsMet();
                }
            }
            worst = Math.min(worst, o.worstShare());
        }
        return new Score(least, worst, met);
    }

    /**
     * One full-time agent per distinct skill set of the roster that includes {@code queue}, in the
     * order the sets first appear; each with the team of the first agent who has that set ({@code
     * like}) and the next free id ({@link #nextId}).
     */
    public record Candidate(RosterTable.Row agent, RosterTable.Row like) {}

    public static List<Candidate> candidates(List<RosterTable.Row> roster, String queue) {
        Map<Set<String>, RosterTable.Row> first = new LinkedHashMap<>();
        for (RosterTable.Row a : roster) {
            if (a.skills().contains(queue)) {
                first.putIfAbsent(Set.copyOf(a.skills()), a);
            }
        }
        String id = nextId(roster);
        List<Candidate> out = new ArrayList<>();
        for (RosterTable.Row like : first.values()) {
            out.add(
                    new Candidate(
                            new RosterTable.Row(id, like.team(), like.skills(), HIRE_FTE, 0),
                            like));
        }
        return out;
    }

    /**
     * The id after the roster's: when every id is a prefix and a number ({@code A024}), the same
     * prefix with the highest number + 1 at the same width ({@code A025}); otherwise {@code
     * HIRE-1}, {@code HIRE-2}… the first not taken.
     */
    public static String nextId(List<RosterTable.Row> roster) {
        Set<String> taken = new HashSet<>();
        String prefix = null;
        int width = 0;
        long max = -1;
        boolean numbered = true;
        for (RosterTable.Row a : roster) {
            taken.add(a.agentId());
            Matcher m = NUMBERED.matcher(a.agentId());
            if (!numbered || !m.matches() || m.group(2).length() > 15) {
                numbered = false;
                continue;
            }
            if (prefix == null) {
                prefix = m.group(1);
            } else if (!prefix.equals(m.group(1))) {
                numbered = false;
                continue;
            }
            width = Math.max(width, m.group(2).length());
            max = Math.max(max, Long.parseLong(m.group(2)));
        }
        if (numbered && prefix != null) {
            String id = prefix + String.format("%0" + width + "d", max + 1);
            if (!taken.contains(id)) {
                return id;
            }
        }
        for (int k = 1; ; k++) {
            if (!taken.contains("HIRE-" + k)) {
                return "HIRE-" + k;
            }
        }
    }

    /** The roster with {@code hire} added at the end. */
    public static List<RosterTable.Row> with(List<RosterTable.Row> roster, RosterTable.Row hire) {
        List<RosterTable.Row> out = new ArrayList<>(roster);
        out.add(hire);
        return List.copyOf(out);
    }
}
