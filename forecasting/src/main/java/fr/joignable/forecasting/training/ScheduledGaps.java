package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training gaps when the agents' presence varies by interval (a schedule): in interval i agent a
 * can give {@code presence[a][i]} (the share of the interval he is in his shift, off his breaks).
 * Coverage per interval is the max flow of {@link CoverageModel} with those capacities (Hall's
 * condition over every set of queues: the agents present who know a queue of the set must cover its
 * requirement); the per-queue split is the max-min fair one, as in {@link TrainingGaps}.
 *
 * <p>Plan: greedy on the exact objective — repeatedly the (agent, queue) training that most reduces
 * the fixable uncovered agent-hours (Σ_i min(D_i, P_i) − maxflow_i, P_i the agents present), ties
 * to the most summed Hall deficit removed, then roster and queue order; then trainings made
 * redundant by later ones are dropped. Not proved optimal (the exact search of {@link
 * TrainingPlanner} assumes a constant capacity per agent): the result says so.
 */
final class ScheduledGaps {

    private ScheduledGaps() {}

    static TrainingGapsResult analyse(
            Roster roster, QueueDemand plan, Map<String, double[]> presenceById) {
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
        int ni = plan.intervals().size();
        int[] masks = new int[na];
        double[][] presence = new double[na][];
        for (int a = 0; a < na; a++) {
            for (String skill : agents.get(a).skills()) {
                Integer q = queueIndex.get(skill);
                if (q != null) {
                    masks[a] |= 1 << q;
                }
            }
            double[] p = presenceById.get(agents.get(a).id());
            presence[a] = p == null ? new double[ni] : p;
        }
        double[][] demand = plan.demand();
        double[] total = new double[ni];
        double[] present = new double[ni];
        for (int i = 0; i < ni; i++) {
            total[i] = Arrays.stream(demand[i]).sum();
            for (int a = 0; a < na; a++) {
                present[i] += presence[a][i];
            }
        }
        int[] trained = masks.clone();
        Tables tables = new Tables(trained, presence, demand, nq);
        double fixable = tables.fixable(total, present);
        List<TrainingPlanner.Training> plan0 = new ArrayList<>();
        while (fixable > 1e-6) {
            double bestGain = 1e-9;
            TrainingPlanner.Training best = null;
            for (int a = 0; a < na; a++) {
                for (int q = 0; q < nq; q++) {
                    if ((trained[a] & (1 << q)) != 0) {
                        continue;
                    }
                    double gain = tables.gain(a, trained[a], q, presence[a], total, present);
                    if (gain > bestGain + 1e-9) {
                        bestGain = gain;
                        best = new TrainingPlanner.Training(a, q);
                    }
                }
            }
            if (best == null) {
                break; // no single training helps: stop rather than guess
            }
            trained[best.agent()] |= 1 << best.queue();
            plan0.add(best);
            tables = new Tables(trained, presence, demand, nq);
            fixable = tables.fixable(total, present);
        }
        // drop trainings made redundant by later ones
        for (int k = plan0.size() - 1; k >= 0; k--) {
            TrainingPlanner.Training t = plan0.get(k);
            trained[t.agent()] &= ~(1 << t.queue());
            if (new Tables(trained, presence, demand, nq).fixable(total, present)
                    > fixable + 1e-6) {
                trained[t.agent()] |= 1 << t.queue();
            } else {
                plan0.remove(k);
            }
        }
        double fixableAfter = new Tables(trained, presence, demand, nq).fixable(total, present);

        // gaps per queue with today's roster
        double[] peak = new double[nq];
        double[] uncovered = new double[nq];
        double[] worst = new double[nq];
        double uncoveredTotal = 0;
        double worstTotal = 0;
        Instant worstAt = null;
        double hiring = 0;
        double worstHiring = 0;
        Instant worstHiringAt = null;
        double afterTotal = 0;
        double[] flowsAfter = new Tables(trained, presence, demand, nq).flow;
        for (int i = 0; i < ni; i++) {
            double[] cap = column(presence, i);
            CoverageModel model = new CoverageModel(nq, masks, cap);
            double[] served = model.fairServed(demand[i]);
            double missingAll = 0;
            for (int q = 0; q < nq; q++) {
                peak[q] = Math.max(peak[q], demand[i][q]);
                double missing = Math.max(0, demand[i][q] - served[q]);
                uncovered[q] += missing;
                worst[q] = Math.max(worst[q], missing);
                missingAll += missing;
            }
            uncoveredTotal += missingAll;
            if (missingAll > worstTotal + 1e-9) {
                worstTotal = missingAll;
                worstAt = plan.intervals().get(i);
            }
            double hire = Math.max(0, total[i] - present[i]);
            hiring += hire;
            if (hire > worstHiring + 1e-9) {
                worstHiring = hire;
                worstHiringAt = plan.intervals().get(i);
            }
            afterTotal += Math.max(0, total[i] - flowsAfter[i]);
        }
        List<QueueGap> gaps = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            double fte = 0;
            for (int a = 0; a < na; a++) {
                if ((masks[a] & (1 << q)) != 0) {
                    fte += agents.get(a).fte();
                }
            }
            gaps.add(
                    new QueueGap(
                            queues.get(q),
                            TrainingGaps.round(peak[q]),
                            TrainingGaps.round(fte),
                            TrainingGaps.round(uncovered[q] * TrainingGaps.INTERVAL_HOURS),
                            TrainingGaps.round(worst[q])));
        }
        List<PlannedTraining> planned = new ArrayList<>();
        for (TrainingPlanner.Training t : plan0) {
            Agent agent = agents.get(t.agent());
            planned.add(new PlannedTraining(agent.id(), agent.team(), queues.get(t.queue())));
        }
        double h = TrainingGaps.INTERVAL_HOURS;
        return new TrainingGapsResult(
                queues,
                gaps,
                planned,
                List.of(),
                ni,
                na,
                TrainingGaps.round(roster.totalFte()),
                TrainingGaps.round(uncoveredTotal * h),
                worstAt,
                TrainingGaps.round(worstTotal),
                TrainingGaps.round(hiring * h),
                worstHiringAt,
                TrainingGaps.round(worstHiring),
                false,
                0,
                0,
                TrainingGaps.round(afterTotal * h),
                TrainingGaps.round(fixableAfter * h));
    }

    private static double[] column(double[][] presence, int i) {
        double[] c = new double[presence.length];
        for (int a = 0; a < presence.length; a++) {
            c[a] = presence[a][i];
        }
        return c;
    }

    /**
     * Per interval: {@code reach[i][S]} (agents present trained in a queue of S), the demand sums
     * and the max flow {@code min over S of reach(S) + d(Q∖S)} (closed-form min cut).
     */
    private static final class Tables {
        final double[][] reach;
        final double[][] sums;
        final double[] flow;
        final double[] totals;

        Tables(int[] masks, double[][] presence, double[][] demand, int nq) {
            int ni = demand.length;
            int n = 1 << nq;
            reach = new double[ni][];
            sums = new double[ni][];
            flow = new double[ni];
            totals = new double[ni];
            for (int i = 0; i < ni; i++) {
                double d = 0;
                for (double x : demand[i]) {
                    d += x;
                }
                totals[i] = d;
                if (d <= 0) {
                    continue;
                }
                reach[i] = new double[n];
                sums[i] = new double[n];
                for (int a = 0; a < masks.length; a++) {
                    double p = presence[a][i];
                    if (p <= 0 || masks[a] == 0) {
                        continue;
                    }
                    for (int s = 1; s < n; s++) {
                        if ((masks[a] & s) != 0) {
                            reach[i][s] += p;
                        }
                    }
                }
                CoverageModel.subsetSums(demand[i], sums[i]);
                flow[i] = minCut(i, -1, 0, 0);
            }
        }

        /**
         * The min cut of interval i, with {@code extra} added to the sets holding bit and missing
         * mask.
         */
        double minCut(int i, int bit, int mask, double extra) {
            double d = totals[i];
            double best = d;
            double[] r = reach[i];
            double[] sm = sums[i];
            for (int s = 1; s < r.length; s++) {
                double cut = r[s] + d - sm[s];
                if (bit >= 0 && (s & bit) != 0 && (s & mask) == 0) {
                    cut += extra;
                }
                if (cut < best) {
                    best = cut;
                }
            }
            return best;
        }

        double fixable(double[] total, double[] present) {
            double sum = 0;
            for (int i = 0; i < flow.length; i++) {
                sum += Math.max(0, Math.min(total[i], present[i]) - flow[i]);
            }
            return sum;
        }

        /** Fixable shortfall removed by training an agent (skills {@code mask}) in queue q. */
        double gain(int a, int mask, int q, double[] presence, double[] total, double[] present) {
            double gain = 0;
            for (int i = 0; i < flow.length; i++) {
                double p = presence[i];
                if (p <= 0 || reach[i] == null) {
                    continue;
                }
                double target = Math.min(total[i], present[i]);
                if (target - flow[i] <= 1e-12) {
                    continue;
                }
                double after = Math.min(target, minCut(i, 1 << q, mask, p));
                gain += after - flow[i];
            }
            return gain;
        }
    }
}
