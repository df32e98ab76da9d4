package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Intervals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training gaps: which queues the roster cannot cover at their peaks, and the fewest trainings that
 * fix what training can fix. See {@code docs/training-gaps.md} for the model.
 */
public final class TrainingGaps {

    /** Hours of one interval of the plan (the 15-minute grid). */
    public static final double INTERVAL_HOURS = Intervals.INTERVAL_SECONDS / 3600.0;

    private static final double EPS = CoverageModel.EPS;

    /** Work allowed to the exact search of the plan (about a second). */
    public static final long DEFAULT_SEARCH_BUDGET = TrainingPlanner.DEFAULT_SEARCH_BUDGET;

    private TrainingGaps() {}

    public static TrainingGapsResult analyse(Roster roster, QueueDemand plan) {
        return analyse(roster, plan, TrainingPlanner.DEFAULT_SEARCH_BUDGET);
    }

    /**
     * @param searchBudget work allowed to the exact search of the plan, in (demand vector, queue
     *     set) checks; 0 keeps the greedy plan unless it meets the lower bound
     */
    public static TrainingGapsResult analyse(Roster roster, QueueDemand plan, long searchBudget) {
        return analyse(roster, plan, searchBudget, 1.0);
    }

    /**
     * Without a schedule: each agent is assumed present {@code availability × fte} of every
     * interval (e.g. {@link #assumedAvailability}), the capacity the coverage model works with.
     */
    public static TrainingGapsResult analyse(
            Roster roster, QueueDemand plan, long searchBudget, double availability) {
        List<String> queues = plan.queues();
        int nq = queues.size();
        if (nq > CoverageModel.MAX_QUEUES) {
            throw new InputException(
                    plan.source()
                            + ": "
                            + nq
                            + " queues, training gaps handle at most "
                            + CoverageModel.MAX_QUEUES);
        }
        Map<String, Integer> queueIndex = new HashMap<>();
        for (int q = 0; q < nq; q++) {
            queueIndex.put(queues.get(q), q);
        }
        List<Agent> agents = roster.agents();
        int na = agents.size();
        int[] masks = new int[na];
        double[] fte = new double[na];
        Map<String, List<Agent>> unknownSkills = new LinkedHashMap<>();
        for (int a = 0; a < na; a++) {
            Agent agent = agents.get(a);
            fte[a] = agent.fte() * availability;
            for (String skill : agent.skills()) {
                Integer q = queueIndex.get(skill);
                if (q == null) {
                    unknownSkills.computeIfAbsent(skill, k -> new ArrayList<>()).add(agent);
                } else {
                    masks[a] |= 1 << q;
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        unknownSkills.forEach(
                (skill, holders) ->
                        warnings.add(unknownSkillWarning(roster, queues, skill, holders)));

        CoverageModel model = new CoverageModel(nq, masks, fte);
        double rosterFte = model.totalFte();

        // distinct demand vectors
        double[][] demand = plan.demand();
        int ni = demand.length;
        Map<List<Double>, Integer> index = new HashMap<>();
        List<double[]> vectors = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int[] vectorOf = new int[ni];
        for (int i = 0; i < ni; i++) {
            List<Double> key = Arrays.stream(demand[i]).boxed().toList();
            Integer v = index.get(key);
            if (v == null) {
                v = vectors.size();
                index.put(key, v);
                vectors.add(demand[i]);
                counts.add(0);
            }
            counts.set(v, counts.get(v) + 1);
            vectorOf[i] = v;
        }
        int nv = vectors.size();
        double[] totals = new double[nv];
        double[] flows = new double[nv];
        double[][] served = new double[nv][];
        for (int v = 0; v < nv; v++) {
            double[] d = vectors.get(v);
            totals[v] = Arrays.stream(d).sum();
            flows[v] = model.maxFlow(d);
            served[v] = model.fairServed(d);
            double fair = Arrays.stream(served[v]).sum();
            if (Math.abs(fair - flows[v]) > 1e-6 * (1 + totals[v])) {
                throw new IllegalStateException(
                        "fair split " + fair + " differs from max flow " + flows[v]);
            }
        }

        // gaps per queue and totals
        double[] peak = new double[nq];
        double[] uncovered = new double[nq];
        double[] worst = new double[nq];
        double uncoveredTotal = 0;
        double worstTotal = 0;
        Instant worstAt = null;
        double hiringTotal = 0;
        double worstHiring = 0;
        Instant worstHiringAt = null;
        for (int i = 0; i < ni; i++) {
            int v = vectorOf[i];
            double[] d = demand[i];
            for (int q = 0; q < nq; q++) {
                peak[q] = Math.max(peak[q], d[q]);
                double missing = Math.max(0, d[q] - served[v][q]);
                uncovered[q] += missing;
                worst[q] = Math.max(worst[q], missing);
            }
            double missing = Math.max(0, totals[v] - flows[v]);
            uncoveredTotal += missing;
            if (missing > worstTotal + EPS) {
                worstTotal = missing;
                worstAt = plan.intervals().get(i);
            }
            double hire = Math.max(0, totals[v] - rosterFte);
            hiringTotal += hire;
            if (hire > worstHiring + EPS) {
                worstHiring = hire;
                worstHiringAt = plan.intervals().get(i);
            }
        }
        List<QueueGap> gaps = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            double trained = 0;
            for (int a = 0; a < na; a++) {
                if (model.knows(a, q)) {
                    trained += agents.get(a).fte();
                }
            }
            gaps.add(
                    new QueueGap(
                            queues.get(q),
                            round(peak[q]),
                            round(trained),
                            round(uncovered[q] * INTERVAL_HOURS),
                            round(worst[q])));
        }

        // training plan
        List<TrainingPlanner.Demand> all = new ArrayList<>();
        List<TrainingPlanner.Demand> full = new ArrayList<>();
        List<TrainingPlanner.Demand> overflowing = new ArrayList<>();
        boolean anyFixable = false;
        for (int v = 0; v < nv; v++) {
            double excess = Math.max(0, totals[v] - rosterFte);
            TrainingPlanner.Demand d =
                    new TrainingPlanner.Demand(vectors.get(v), excess, counts.get(v));
            all.add(d);
            if (excess > EPS) {
                overflowing.add(d);
            } else {
                full.add(d);
            }
            if (Math.min(totals[v], rosterFte) - flows[v] > EPS) {
                anyFixable = true;
            }
        }
        List<TrainingPlanner.Demand> binding = new ArrayList<>(undominated(full, true));
        binding.addAll(undominated(overflowing, false));
        List<TrainingPlanner.Training> trainings;
        boolean optimal;
        int lowerBound;
        long nodes;
        if (anyFixable) {
            TrainingPlanner.Outcome outcome =
                    new TrainingPlanner(
                                    model,
                                    all,
                                    binding,
                                    sameTeam(agents, model),
                                    teamIndex(agents),
                                    searchBudget)
                            .plan();
            trainings = outcome.trainings();
            optimal = outcome.optimal();
            lowerBound = outcome.lowerBound();
            nodes = outcome.nodes();
        } else {
            trainings = List.of();
            optimal = true;
            lowerBound = 0;
            nodes = 0;
        }
        List<PlannedTraining> planned = new ArrayList<>();
        int[] trainedMasks = masks.clone();
        for (TrainingPlanner.Training t : trainings) {
            Agent agent = agents.get(t.agent());
            planned.add(new PlannedTraining(agent.id(), agent.team(), queues.get(t.queue())));
            trainedMasks[t.agent()] |= 1 << t.queue();
        }

        // verification: an independent max flow on the trained roster
        CoverageModel trained = new CoverageModel(nq, trainedMasks, fte);
        double after = 0;
        double fixableAfter = 0;
        for (int v = 0; v < nv; v++) {
            double flow = trained.maxFlow(vectors.get(v));
            after += Math.max(0, totals[v] - flow) * counts.get(v);
            fixableAfter += Math.max(0, Math.min(totals[v], rosterFte) - flow) * counts.get(v);
        }

        return new TrainingGapsResult(
                queues,
                gaps,
                planned,
                warnings,
                ni,
                na,
                round(rosterFte),
                round(uncoveredTotal * INTERVAL_HOURS),
                worstAt,
                round(worstTotal),
                round(hiringTotal * INTERVAL_HOURS),
                worstHiringAt,
                round(worstHiring),
                optimal,
                lowerBound,
                nodes,
                round(after * INTERVAL_HOURS),
                round(fixableAfter * INTERVAL_HOURS));
    }

    /**
     * With a schedule: agent a is present {@code presence.get(id)[i]} of interval i (0 to 1, e.g.
     * from {@code fr.joignable.forecasting.schedule.Presence}); an agent without shifts is absent.
     */
    public static TrainingGapsResult analyseScheduled(
            Roster roster, QueueDemand plan, java.util.Map<String, double[]> presence) {
        return ScheduledGaps.analyse(roster, plan, presence);
    }

    /**
     * The share of each interval with demand that a full-time agent is assumed present when no
     * schedule is given: {@code min(1, weekly hours / open hours a week)}, the open hours being the
     * plan's intervals with demand (e.g. 35 h over 45 open hours: 0.78). Absence is already in the
     * plan's {@code scheduled_agents}.
     */
    public static double assumedAvailability(QueueDemand plan, double weeklyHours) {
        int open = 0;
        for (double[] d : plan.demand()) {
            if (Arrays.stream(d).sum() > 0) {
                open++;
            }
        }
        if (open == 0) {
            return 1;
        }
        Instant first = plan.intervals().get(0);
        Instant last = plan.intervals().get(plan.intervals().size() - 1);
        double weeks =
                Math.max(
                        1,
                        (java.time.Duration.between(first, last).toMinutes() + 15)
                                / (7 * 24 * 60.0));
        double openPerWeek = open * INTERVAL_HOURS / weeks;
        return Math.min(1, weeklyHours / openPerWeek);
    }

    /**
     * The vectors whose target implies the others'. Where the roster's FTE suffices the target is
     * full coverage, implied for any smaller vector: keep the maximal ones ({@code largest}). Where
     * demand exceeds the FTE the target is {@code reach(Q∖T) + d(T) ≥ F} for every set T, implied
     * for any larger vector: keep the minimal ones.
     */
    static List<TrainingPlanner.Demand> undominated(
            List<TrainingPlanner.Demand> vectors, boolean largest) {
        List<TrainingPlanner.Demand> sorted = new ArrayList<>(vectors);
        sorted.sort(
                (x, y) ->
                        Double.compare(
                                Arrays.stream(y.agents()).sum(), Arrays.stream(x.agents()).sum()));
        if (!largest) {
            java.util.Collections.reverse(sorted);
        }
        List<TrainingPlanner.Demand> kept = new ArrayList<>();
        for (TrainingPlanner.Demand candidate : sorted) {
            boolean dominated = false;
            for (TrainingPlanner.Demand k : kept) {
                if (largest
                        ? dominates(k.agents(), candidate.agents())
                        : dominates(candidate.agents(), k.agents())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static boolean dominates(double[] big, double[] small) {
        for (int q = 0; q < big.length; q++) {
            if (big[q] < small[q]) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a][q]}: agent a belongs to the team holding the most trained FTE in queue q. */
    private static boolean[][] sameTeam(List<Agent> agents, CoverageModel model) {
        int nq = model.queueCount();
        boolean[][] same = new boolean[agents.size()][nq];
        for (int q = 0; q < nq; q++) {
            Map<String, Double> byTeam = new HashMap<>();
            for (int a = 0; a < agents.size(); a++) {
                if (model.knows(a, q)) {
                    byTeam.merge(agents.get(a).team(), agents.get(a).fte(), Double::sum);
                }
            }
            String usual =
                    byTeam.entrySet().stream()
                            .sorted(
                                    Map.Entry.<String, Double>comparingByValue()
                                            .reversed()
                                            .thenComparing(Map.Entry.comparingByKey()))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
            for (int a = 0; a < agents.size(); a++) {
                same[a][q] = agents.get(a).team().equals(usual);
            }
        }
        return same;
    }

    private static int[] teamIndex(List<Agent> agents) {
        Map<String, Integer> teams = new HashMap<>();
        int[] index = new int[agents.size()];
        for (int a = 0; a < agents.size(); a++) {
            index[a] = teams.computeIfAbsent(agents.get(a).team(), k -> teams.size());
        }
        return index;
    }

    private static String unknownSkillWarning(
            Roster roster, List<String> queues, String skill, List<Agent> holders) {
        StringBuilder w = new StringBuilder();
        w.append(roster.source())
                .append(" line ")
                .append(holders.get(0).line())
                .append(": skill '")
                .append(skill)
                .append("' is no queue of the staffing plan (ignored");
        if (holders.size() > 1) {
            w.append("; ").append(holders.size()).append(" agents have it");
        }
        w.append(')');
        for (String q : queues) {
            if (q.toLowerCase(Locale.ROOT).equals(skill.toLowerCase(Locale.ROOT))) {
                w.append(" — did you mean '").append(q).append("'?");
                break;
            }
        }
        return w.toString();
    }

    /** Rounds to 1e-6 to drop floating-point noise (FTE fractions) from the outputs. */
    public static double round(double x) {
        double r = Math.round(x * 1e6) / 1e6;
        return r == 0 ? 0 : r;
    }
}
