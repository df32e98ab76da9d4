package fr.joignable.forecasting.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest trainings (agent, queue) after which every demand vector reaches its target: in each
 * interval the roster covers {@code min(D, F)} agents (D the interval's total demand, F the
 * roster's total FTE) — full coverage where the roster is big enough, and otherwise every FTE at
 * work, so that the remaining {@code D − F} is exactly what hiring must bring.
 *
 * <p>By the min-cut form of {@link CoverageModel}, a vector {@code d} with excess {@code e = max(0,
 * D − F)} reaches its target iff {@code reach(S) ≥ d(S) − e} for every set S of queues. A training
 * of agent {@code a} in queue {@code q} raises {@code reach(S)} by {@code fte(a)} for the sets S
 * that contain {@code q} and none of the queues {@code a} already knows.
 *
 * <ol>
 *   <li>Greedy: repeatedly add the training that most reduces the fixable uncovered agent-hours;
 *       ties (and steps where no single training reduces them) go to the largest reduction of the
 *       summed Hall deficits, then an agent of the queue's usual team, then the agent with the most
 *       spare capacity, then roster and queue order. Redundant trainings are then dropped.
 *   <li>Lower bound: a violated set S with deficit δ needs at least ⌈δ / max fte⌉ trainings, and
 *       the needs of disjoint sets add up (a training in q only helps sets holding q): the best
 *       packing of disjoint violated sets.
 *   <li>Exact search when the greedy is above the bound: iterative deepening from the bound,
 *       branching on the trainings that can repair one violated set (the one with fewest), with
 *       interchangeable agents merged and failed siblings excluded. Within a node budget it proves
 *       the plan optimal; out of budget the greedy plan stands, reported with the bound proved so
 *       far (the bound, or the first depth not yet refuted).
 * </ol>
 */
final class TrainingPlanner {

    /**
     * Work allowed to the exact search, in (demand vector, queue set) checks: about a second. Out
     * of it, the greedy plan stands. A budget, not a clock, so that results do not depend on the
     * machine.
     */
    static final long DEFAULT_SEARCH_BUDGET = 150_000_000L;

    record Training(int agent, int queue) {}

    /**
     * @param lowerBound proved lower bound on the number of trainings (equal to the size when
     *     optimal)
     */
    record Outcome(List<Training> trainings, boolean optimal, int lowerBound, long nodes) {}

    /** A distinct demand vector: its scheduled agents per queue, excess and number of intervals. */
    record Demand(double[] agents, double excess, int intervals) {}

    private static final double EPS = CoverageModel.EPS;

    private final CoverageModel model;
    private final int queues;
    private final int agents;
    private final List<Demand> all;
    private final List<Demand> binding;
    private final boolean[][] sameTeam;
    private final double[] spare;
    private final int[] classOf;
    private final double maxFte;
    private final long searchBudget;
    private final double[] sums;
    private final int[] need;
    private final int[] packing;
    private static final int PACKING_QUEUES = 10;
    private long nodes;
    private long work;

    /**
     * @param all every distinct demand vector of the plan (weights for the greedy objective)
     * @param binding the vectors that must reach their target (the others are implied)
     * @param sameTeam {@code sameTeam[a][q]}: agent {@code a} is of the usual team of queue {@code
     *     q}
     * @param team team index per agent (interchangeable agents share mask, fte and team)
     */
    TrainingPlanner(
            CoverageModel model,
            List<Demand> all,
            List<Demand> binding,
            boolean[][] sameTeam,
            int[] team,
            long searchBudget) {
        this.model = model.copy();
        this.queues = model.queueCount();
        this.agents = model.agentCount();
        this.all = all;
        this.binding = binding;
        this.sameTeam = sameTeam;
        this.searchBudget = searchBudget;
        this.sums = model.newSetTable();
        this.need = new int[sums.length];
        this.packing = new int[sums.length];
        double m = 0;
        for (int a = 0; a < agents; a++) {
            m = Math.max(m, model.fte(a));
        }
        this.maxFte = m;
        this.spare = new double[agents];
        for (int a = 0; a < agents; a++) {
            spare[a] = spareCapacity(a);
        }
        this.classOf = new int[agents];
        for (int a = 0; a < agents; a++) {
            classOf[a] = a;
            for (int b = 0; b < a; b++) {
                if (team[b] == team[a] && model.fte(b) == model.fte(a)) {
                    classOf[a] = classOf[b];
                    break;
                }
            }
        }
    }

    /**
     * The FTE an agent's current queues could release at their tightest binding interval: {@code
     * min_v (reach(S_a) − d_v(S_a) + e_v)} clipped to [0, fte]; all his FTE when he knows no queue.
     */
    private double spareCapacity(int a) {
        int s = model.mask(a);
        if (s == 0) {
            return model.fte(a);
        }
        double best = model.fte(a);
        for (Demand d : binding) {
            CoverageModel.subsetSums(d.agents(), sums);
            double slack = model.reach(s) - (sums[s] - d.excess());
            best = Math.min(best, Math.max(0, slack));
        }
        return best;
    }

    Outcome plan() {
        List<Training> greedy = greedy();
        Scan root = scan(binding);
        int lowerBound = root.lowerBound;
        if (greedy.size() <= lowerBound) {
            return new Outcome(sorted(greedy), true, greedy.size(), 0);
        }
        nodes = 0;
        work = 0;
        List<Training> path = new ArrayList<>();
        boolean[][] forbidden = new boolean[agents][queues];
        try {
            for (int k = lowerBound; k < greedy.size(); k++) {
                if (search(k, path, forbidden, root.violated())) {
                    return new Outcome(sorted(path), true, path.size(), nodes);
                }
                lowerBound = k + 1;
            }
        } catch (BudgetExceeded e) {
            return new Outcome(sorted(greedy), false, lowerBound, nodes);
        }
        return new Outcome(sorted(greedy), true, greedy.size(), nodes);
    }

    private static List<Training> sorted(List<Training> trainings) {
        List<Training> copy = new ArrayList<>(trainings);
        copy.sort(Comparator.comparingInt(Training::agent).thenComparingInt(Training::queue));
        return List.copyOf(copy);
    }

    // ---------------------------------------------------------------- greedy

    private List<Training> greedy() {
        List<Training> chosen = new ArrayList<>();
        Scan scan;
        while (!(scan = scan(binding)).feasible()) {
            // trainings only add coverage: vectors short now are the only ones a step can help
            List<Demand> shortNow = new ArrayList<>();
            for (Demand d : all) {
                if (gap(d) > EPS) {
                    shortNow.add(d);
                }
            }
            List<Demand> violated = scan.violated();
            double baseUncovered = fixableUncovered(shortNow);
            double baseDeficit = hallDeficit(violated);
            Training best = null;
            double bestGain = 0;
            double bestDeficitGain = 0;
            for (int a = 0; a < agents; a++) {
                for (int q = 0; q < queues; q++) {
                    if (model.knows(a, q)) {
                        continue;
                    }
                    model.addSkill(a, q);
                    double deficitGain = baseDeficit - hallDeficit(violated);
                    if (deficitGain <= EPS) {
                        model.removeSkill(a, q);
                        continue;
                    }
                    double gain = baseUncovered - fixableUncovered(shortNow);
                    model.removeSkill(a, q);
                    if (best == null
                            || better(a, q, gain, deficitGain, best, bestGain, bestDeficitGain)) {
                        best = new Training(a, q);
                        bestGain = gain;
                        bestDeficitGain = deficitGain;
                    }
                }
            }
            if (best == null) {
                throw new IllegalStateException("no training reduces the coverage deficit");
            }
            model.addSkill(best.agent(), best.queue());
            chosen.add(best);
        }
        // drop trainings the others make redundant, latest first
        for (int i = chosen.size() - 1; i >= 0; i--) {
            Training t = chosen.get(i);
            model.removeSkill(t.agent(), t.queue());
            if (scan(binding).feasible()) {
                chosen.remove(i);
            } else {
                model.addSkill(t.agent(), t.queue());
            }
        }
        for (Training t : chosen) {
            model.removeSkill(t.agent(), t.queue());
        }
        return chosen;
    }

    private boolean better(
            int a,
            int q,
            double gain,
            double deficitGain,
            Training best,
            double bestGain,
            double bestDeficitGain) {
        if (Math.abs(gain - bestGain) > EPS) {
            return gain > bestGain;
        }
        if (Math.abs(deficitGain - bestDeficitGain) > EPS) {
            return deficitGain > bestDeficitGain;
        }
        return preference().compare(new Training(a, q), best) < 0;
    }

    /** Same team as the queue's usual agents first, then more spare capacity, then order. */
    private Comparator<Training> preference() {
        return Comparator.comparing((Training t) -> !sameTeam[t.agent()][t.queue()])
                .thenComparing(t -> -spare[t.agent()])
                .thenComparingInt(Training::agent)
                .thenComparingInt(Training::queue);
    }

    /** Σ intervals × (target − max flow) over the distinct demand vectors, in agent-intervals. */
    private double fixableUncovered(List<Demand> vectors) {
        double total = 0;
        for (Demand d : vectors) {
            double gap = gap(d);
            if (gap > EPS) {
                total += gap * d.intervals();
            }
        }
        return total;
    }

    /** Target minus max flow for one vector. */
    private double gap(Demand d) {
        double sum = 0;
        for (double x : d.agents()) {
            sum += x;
        }
        return Math.min(sum, model.totalFte()) - model.maxServed(d.agents(), sums);
    }

    /** Σ over binding vectors and queue sets of the Hall deficits {@code d(S) − e − reach(S)}. */
    private double hallDeficit(List<Demand> vectors) {
        double total = 0;
        for (Demand d : vectors) {
            CoverageModel.subsetSums(d.agents(), sums);
            for (int s = 1; s < sums.length; s++) {
                double deficit = sums[s] - d.excess() - model.reach(s);
                if (deficit > EPS) {
                    total += deficit;
                }
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- scan and bound

    /**
     * @param violated the vectors with a violated set (only those can stay violated after more
     *     trainings)
     */
    private record Scan(boolean feasible, int lowerBound, int branchSet, List<Demand> violated) {}

    /**
     * Finds the violated sets: a lower bound on the trainings still needed, and the violated set
     * with the fewest repairing trainings (to branch on).
     */
    private Scan scan(List<Demand> vectors) {
        int full = sums.length - 1;
        Arrays.fill(need, 0);
        List<Demand> violatedVectors = new ArrayList<>();
        int branchSet = -1;
        long branchCount = Long.MAX_VALUE;
        for (Demand d : vectors) {
            CoverageModel.subsetSums(d.agents(), sums);
            boolean violated = false;
            for (int s = 1; s <= full; s++) {
                double deficit = sums[s] - d.excess() - model.reach(s);
                if (deficit <= EPS) {
                    continue;
                }
                violated = true;
                int n = (int) Math.ceil(deficit / maxFte - EPS);
                if (n > need[s]) {
                    need[s] = n;
                }
            }
            if (violated) {
                violatedVectors.add(d);
            }
        }
        if (violatedVectors.isEmpty()) {
            return new Scan(true, 0, -1, List.of());
        }
        for (int s = 1; s <= full; s++) {
            if (need[s] == 0) {
                continue;
            }
            long count = 0;
            for (int a = 0; a < agents; a++) {
                if ((model.mask(a) & s) == 0) {
                    count++;
                }
            }
            count *= Integer.bitCount(s);
            if (count < branchCount) {
                branchCount = count;
                branchSet = s;
            }
        }
        return new Scan(false, packingBound(), branchSet, violatedVectors);
    }

    /**
     * Trainings that repair disjoint queue sets are distinct (a training in q raises only the sets
     * holding q): the best packing of disjoint violated sets, by their needs, is a lower bound.
     * Exact over all packings up to {@link #PACKING_QUEUES} queues (3^Q steps), else the larger of
     * the single neediest set and the sum over single queues.
     */
    private int packingBound() {
        int full = need.length - 1;
        if (queues <= PACKING_QUEUES) {
            packing[0] = 0;
            for (int u = 1; u <= full; u++) {
                int low = u & -u;
                int rest = u & ~low;
                int best = packing[rest];
                // sets S ⊆ u containing the lowest element of u
                int sub = rest;
                while (true) {
                    int s = sub | low;
                    int value = need[s] + packing[u & ~s];
                    if (value > best) {
                        best = value;
                    }
                    if (sub == 0) {
                        break;
                    }
                    sub = (sub - 1) & rest;
                }
                packing[u] = best;
            }
            return packing[full];
        }
        int max = 0;
        int singles = 0;
        for (int s = 1; s <= full; s++) {
            max = Math.max(max, need[s]);
            if (Integer.bitCount(s) == 1) {
                singles += need[s];
            }
        }
        return Math.max(max, singles);
    }

    // ---------------------------------------------------------------- exact search

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private boolean search(
            int budget, List<Training> path, boolean[][] forbidden, List<Demand> active) {
        nodes++;
        work += (long) active.size() * sums.length;
        if (work > searchBudget) {
            throw new BudgetExceeded();
        }
        Scan scan = scan(active);
        if (scan.feasible()) {
            return true;
        }
        if (scan.lowerBound() > budget) {
            return false;
        }
        int s = scan.branchSet();
        List<Training> candidates = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        for (int a = 0; a < agents; a++) {
            if ((model.mask(a) & s) != 0) {
                continue;
            }
            for (int q = 0; q < queues; q++) {
                if ((s & (1 << q)) == 0 || forbidden[a][q]) {
                    continue;
                }
                if (classes.add(classOf[a] + "/" + model.mask(a) + "/" + q)) {
                    candidates.add(new Training(a, q));
                }
            }
        }
        candidates.sort(preference());
        List<Training> excluded = new ArrayList<>();
        boolean found = false;
        for (Training c : candidates) {
            model.addSkill(c.agent(), c.queue());
            path.add(c);
            boolean ok = search(budget - 1, path, forbidden, scan.violated());
            if (ok) {
                found = true;
                break;
            }
            path.remove(path.size() - 1);
            model.removeSkill(c.agent(), c.queue());
            // no solution within budget uses c (or an agent interchangeable with c's) any more
            for (int a = 0; a < agents; a++) {
                if (classOf[a] == classOf[c.agent()]
                        && model.mask(a) == model.mask(c.agent())
                        && !forbidden[a][c.queue()]) {
                    forbidden[a][c.queue()] = true;
                    excluded.add(new Training(a, c.queue()));
                }
            }
        }
        for (Training t : excluded) {
            forbidden[t.agent()][t.queue()] = false;
        }
        return found;
    }
}
