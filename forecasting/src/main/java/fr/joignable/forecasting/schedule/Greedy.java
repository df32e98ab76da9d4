package fr.joignable.forecasting.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy completion of a weekly solution: while some shift (group, day, pattern) that the group's
 * limits allow lowers the cost (its paid minutes minus the weight times the agent-minutes of
 * shortfall it removes), add the one that lowers it most (lazy evaluation: a candidate is
 * recomputed only when it reaches the top of the queue; a heuristic, bounded by the LP). The
 * shortfall of an interval is the Hall deficiency {@code max(0, max over the family of required −
 * reach)}, in agent-minutes.
 */
final class Greedy {

    private final List<ShiftPattern> patterns;
    private final ShiftRules rules;
    private final SkillSets sets;
    private final int days;
    private final boolean[] open;
    private final List<WeekModel.Group> groups;
    private final int maxDays;
    private final List<WeekModel.Slot> slots;
    private final int[][][] counts;

    /**
     * Paid minutes the week must reach: below it, the cheapest shift is added even when it costs
     * more than it saves (the least harmful hours first).
     */
    private final int paidFloor;

    /** {@code present[i][c]}: agent-minutes of class c in slot i. */
    private final double[][] present;

    /**
     * slots of each day, and their pattern coverage: {@code worked[p][k]} for slot k of the day.
     */
    private final List<List<Integer>> slotsOfDay = new ArrayList<>();

    Greedy(
            List<ShiftPattern> patterns,
            ShiftRules rules,
            SkillSets sets,
            int days,
            boolean[] open,
            List<WeekModel.Group> groups,
            int maxDays,
            List<WeekModel.Slot> slots,
            int[][][] counts,
            int paidFloor) {
        this.paidFloor = paidFloor;
        this.patterns = patterns;
        this.rules = rules;
        this.sets = sets;
        this.days = days;
        this.open = open;
        this.groups = groups;
        this.maxDays = maxDays;
        this.slots = slots;
        this.counts = counts;
        this.present = new double[slots.size()][sets.classCount()];
        for (int d = 0; d < days; d++) {
            slotsOfDay.add(new ArrayList<>());
        }
        for (int i = 0; i < slots.size(); i++) {
            slotsOfDay.get(slots.get(i).day()).add(i);
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int d = 0; d < days; d++) {
                for (int p = 0; p < patterns.size(); p++) {
                    if (counts[g][d][p] > 0) {
                        addPresence(g, d, p, counts[g][d][p]);
                    }
                }
            }
        }
    }

    int[][][] counts() {
        return counts;
    }

    private void addPresence(int g, int d, int p, int times) {
        int c = groups.get(g).skillClass();
        for (int i : slotsOfDay.get(d)) {
            int w = patterns.get(p).workedIn(slots.get(i).minute(), 15);
            present[i][c] += w * times;
        }
    }

    private double shortAt(int i, int extraClass, double extra) {
        int[] req = slots.get(i).required15();
        double worst = 0;
        for (int f = 0; f < sets.family.size(); f++) {
            if (req[f] <= 0) {
                continue;
            }
            SkillSets.PoolSet set = sets.family.get(f);
            double reach = SkillSets.reach(present[i], set);
            if (extraClass >= 0 && set.classes().get(extraClass)) {
                reach += extra;
            }
            worst = Math.max(worst, req[f] - reach);
        }
        return worst;
    }

    /**
     * The pools' own weighted shortfall in slot i ({@link WeekModel.Slot#poolWeights}), with {@code
     * extra} agent-minutes more of class {@code extraClass}.
     */
    private double poolShortAt(int i, int extraClass, double extra) {
        WeekModel.Slot slot = slots.get(i);
        if (slot.poolWeights() == null) {
            return 0;
        }
        int[] req = slot.required15();
        double sum = 0;
        for (int f = 0; f < sets.family.size(); f++) {
            if (req[f] <= 0 || slot.poolWeight(f) <= 0) {
                continue;
            }
            SkillSets.PoolSet set = sets.family.get(f);
            double reach = SkillSets.reach(present[i], set);
            if (extraClass >= 0 && set.classes().get(extraClass)) {
                reach += extra;
            }
            sum += slot.poolWeight(f) * Math.max(0, req[f] - reach);
        }
        return sum;
    }

    /** Cost change of one more shift of pattern p on day d for class c (negative: worth it). */
    private double delta(int c, int d, int p) {
        ShiftPattern pattern = patterns.get(p);
        double gain = 0;
        for (int i : slotsOfDay.get(d)) {
            int w = pattern.workedIn(slots.get(i).minute(), 15);
            if (w > 0) {
                double before = shortAt(i, -1, 0);
                if (before > 0) {
                    gain += slots.get(i).weight() * (before - Math.max(0, shortAt(i, c, w)));
                }
                if (slots.get(i).poolWeights() != null) {
                    gain += poolShortAt(i, -1, 0) - poolShortAt(i, c, w);
                }
            }
        }
        return pattern.paid() - rules.shortfallWeight() * gain;
    }

    /** Paid minutes of the current counts. */
    long paid() {
        long paid = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (int d = 0; d < days; d++) {
                for (int p = 0; p < patterns.size(); p++) {
                    paid += (long) counts[g][d][p] * patterns.get(p).paid();
                }
            }
        }
        return paid;
    }

    double cost() {
        double cost = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (int d = 0; d < days; d++) {
                for (int p = 0; p < patterns.size(); p++) {
                    cost += (double) counts[g][d][p] * patterns.get(p).paid();
                }
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            cost +=
                    rules.shortfallWeight()
                            * (slots.get(i).weight() * shortAt(i, -1, 0) + poolShortAt(i, -1, 0));
        }
        return cost;
    }

    void complete() {
        int ng = groups.size();
        int np = patterns.size();
        int[][] perDay = new int[ng][days];
        long[] minutes = new long[ng];
        int[] shifts = new int[ng];
        long paid = 0;
        for (int g = 0; g < ng; g++) {
            for (int d = 0; d < days; d++) {
                for (int p = 0; p < np; p++) {
                    perDay[g][d] += counts[g][d][p];
                    minutes[g] += (long) counts[g][d][p] * patterns.get(p).paid();
                    shifts[g] += counts[g][d][p];
                    paid += (long) counts[g][d][p] * patterns.get(p).paid();
                }
            }
        }
        // lazy greedy: a candidate's gain only matters if, recomputed, it still beats the next
        // one's last known value (gains mostly shrink as coverage grows)
        java.util.PriorityQueue<double[]> queue =
                new java.util.PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (int d = 0; d < days; d++) {
            if (!open[d] || slotsOfDay.get(d).isEmpty()) {
                continue;
            }
            for (int c = 0; c < sets.classCount(); c++) {
                for (int p = 0; p < np; p++) {
                    queue.add(new double[] {delta(c, d, p), c, d, p});
                }
            }
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            if (top[0] >= -1e-9 && paid >= paidFloor) {
                return;
            }
            int c = (int) top[1];
            int d = (int) top[2];
            int p = (int) top[3];
            ShiftPattern pattern = patterns.get(p);
            int g = -1;
            for (int h = 0; h < ng; h++) {
                WeekModel.Group group = groups.get(h);
                if (group.skillClass() == c
                        && pattern.paid() <= group.capMinutes()
                        && perDay[h][d] < group.size()
                        && shifts[h] < (long) group.size() * maxDays
                        && minutes[h] + pattern.paid()
                                <= (long) group.size() * group.capMinutes()) {
                    g = h;
                    break;
                }
            }
            if (g < 0) {
                continue; // this class can take no more of it
            }
            double now = delta(c, d, p);
            double[] next = queue.peek();
            if (next != null && now > next[0] + 1e-9) {
                top[0] = now;
                queue.add(top);
                continue;
            }
            if (now >= -1e-9 && paid >= paidFloor) {
                continue;
            }
            counts[g][d][p]++;
            perDay[g][d]++;
            shifts[g]++;
            minutes[g] += pattern.paid();
            paid += pattern.paid();
            addPresence(g, d, p, 1);
            top[0] = delta(c, d, p);
            queue.add(top);
        }
        lengthen(minutes, paid);
    }

    /**
     * When no shift can be added and the week is still under its paid floor (the days of the groups
     * are used up by short shifts), lengthen shifts: repeatedly replace one shift by a longer one
     * with the same start, the replacement that costs least per paid minute gained, within the
     * group's hours.
     */
    private void lengthen(long[] minutes, long paid) {
        int np = patterns.size();
        while (paid < paidFloor) {
            double bestRatio = Double.POSITIVE_INFINITY;
            int[] best = null;
            for (int g = 0; g < groups.size(); g++) {
                WeekModel.Group group = groups.get(g);
                int c = group.skillClass();
                long room = (long) group.size() * group.capMinutes() - minutes[g];
                for (int d = 0; d < days; d++) {
                    for (int p = 0; p < np; p++) {
                        if (counts[g][d][p] == 0) {
                            continue;
                        }
                        ShiftPattern from = patterns.get(p);
                        addPresence(g, d, p, -1);
                        double without = delta(c, d, p);
                        for (int q = 0; q < np; q++) {
                            ShiftPattern to = patterns.get(q);
                            int more = to.paid() - from.paid();
                            if (to.start() != from.start()
                                    || more <= 0
                                    || more > room
                                    || to.paid() > group.capMinutes()) {
                                continue;
                            }
                            double ratio = (delta(c, d, q) - without) / more;
                            if (ratio < bestRatio) {
                                bestRatio = ratio;
                                best = new int[] {g, d, p, q};
                            }
                        }
                        addPresence(g, d, p, 1);
                    }
                }
            }
            if (best == null) {
                return;
            }
            int g = best[0];
            int d = best[1];
            int more = patterns.get(best[3]).paid() - patterns.get(best[2]).paid();
            counts[g][d][best[2]]--;
            addPresence(g, d, best[2], -1);
            counts[g][d][best[3]]++;
            addPresence(g, d, best[3], 1);
            minutes[g] += more;
            paid += more;
        }
    }
}
