package fr.joignable.forecasting.training;

import java.util.Arrays;

/**
 * Who can cover what in one interval: agents with their FTE and the set of queues each is trained
 * for (a bit mask over the plan's queues). The coverage of a demand vector {@code d} (scheduled
 * agents per queue) is the maximum flow source → agent (fte) → queue he knows → sink (d).
 *
 * <p>Two exact, independent ways to get it are kept:
 *
 * <ul>
 *   <li>{@link #maxFlow}: Dinic's algorithm on that network — the reference, used to verify plans;
 *   <li>{@link #maxServed}: its minimum cut in closed form. A cut keeps a set {@code S} of queues
 *       on the sink side of the agents: its capacity is {@code reach(S) + d(Q∖S)}, where {@code
 *       reach(S)} is the FTE of the agents trained in at least one queue of {@code S} (Gale–Hall).
 *       With the handful of queues of a contact centre, {@code reach} is tabulated once for the 2^Q
 *       sets and a check costs 2^Q additions, which the training search needs by the million.
 * </ul>
 *
 * <p>{@link #fairServed} splits the maximum flow between queues: among all maximum flows, the one
 * that is max-min fair in the share of each queue's demand that is covered (progressive filling of
 * the polymatroid of servable vectors, Fujishige's lexicographically optimal base).
 */
final class CoverageModel {

    static final double EPS = 1e-9;

    /**
     * The most queues a plan may have: the tables below hold 2^Q values and the plan search costs
     * about 2^Q per check (a month: 6 queues ≈ 0.1 s, 10 ≈ 0.6 s, 12 ≈ 5 s, 14 minutes).
     */
    static final int MAX_QUEUES = 12;

    private final int queueCount;
    private final int[] masks;
    private final double[] fte;
    private final double totalFte;

    /** {@code reach[S]}: FTE of the agents trained in at least one queue of the set S. */
    private final double[] reach;

    CoverageModel(int queueCount, int[] masks, double[] fte) {
        if (queueCount > MAX_QUEUES) {
            throw new IllegalArgumentException(
                    queueCount + " queues, at most " + MAX_QUEUES + " supported");
        }
        this.queueCount = queueCount;
        this.masks = masks.clone();
        this.fte = fte.clone();
        double sum = 0;
        for (double f : fte) {
            sum += f;
        }
        this.totalFte = sum;
        this.reach = new double[1 << queueCount];
        for (int s = 1; s < reach.length; s++) {
            double r = 0;
            for (int a = 0; a < masks.length; a++) {
                if ((masks[a] & s) != 0) {
                    r += fte[a];
                }
            }
            reach[s] = r;
        }
    }

    CoverageModel copy() {
        return new CoverageModel(queueCount, masks, fte);
    }

    int queueCount() {
        return queueCount;
    }

    int agentCount() {
        return masks.length;
    }

    int mask(int agent) {
        return masks[agent];
    }

    double fte(int agent) {
        return fte[agent];
    }

    double totalFte() {
        return totalFte;
    }

    double reach(int set) {
        return reach[set];
    }

    boolean knows(int agent, int queue) {
        return (masks[agent] & (1 << queue)) != 0;
    }

    /** Trains {@code agent} in {@code queue} (he must not know it yet). */
    void addSkill(int agent, int queue) {
        int bit = 1 << queue;
        int before = masks[agent];
        if ((before & bit) != 0) {
            throw new IllegalArgumentException("agent " + agent + " already knows queue " + queue);
        }
        shift(before, bit, fte[agent]);
        masks[agent] = before | bit;
    }

    /** Undoes {@link #addSkill}. */
    void removeSkill(int agent, int queue) {
        int bit = 1 << queue;
        int after = masks[agent] & ~bit;
        shift(after, bit, -fte[agent]);
        masks[agent] = after;
    }

    /** Sets that contain {@code bit} and miss {@code before} gain (or lose) {@code delta}. */
    private void shift(int before, int bit, double delta) {
        int full = reach.length - 1;
        int free = full & ~before & ~bit;
        // enumerate subsets of `free`, each with `bit` added
        int sub = free;
        while (true) {
            reach[sub | bit] += delta;
            if (sub == 0) {
                break;
            }
            sub = (sub - 1) & free;
        }
    }

    /** {@code sums[S]} = Σ_{q∈S} values[q], for every set S (lowest-bit recurrence). */
    static void subsetSums(double[] values, double[] sums) {
        sums[0] = 0;
        for (int s = 1; s < sums.length; s++) {
            int low = Integer.numberOfTrailingZeros(s);
            sums[s] = sums[s & (s - 1)] + values[low];
        }
    }

    double[] newSetTable() {
        return new double[reach.length];
    }

    /** Maximum flow for {@code demand}, as the minimum cut over queue sets. */
    double maxServed(double[] demand, double[] scratch) {
        subsetSums(demand, scratch);
        int full = reach.length - 1;
        double total = scratch[full];
        double best = total;
        for (int s = 1; s <= full; s++) {
            double cut = reach[s] + total - scratch[s];
            if (cut < best) {
                best = cut;
            }
        }
        return best;
    }

    /** Maximum flow for {@code demand}, by Dinic's algorithm on the agent–queue network. */
    double maxFlow(double[] demand) {
        int agents = masks.length;
        int source = agents + queueCount;
        int sink = source + 1;
        MaxFlow flow = new MaxFlow(sink + 1);
        for (int a = 0; a < agents; a++) {
            if (masks[a] == 0) {
                continue;
            }
            flow.addEdge(source, a, fte[a]);
            for (int q = 0; q < queueCount; q++) {
                if ((masks[a] & (1 << q)) != 0) {
                    flow.addEdge(a, agents + q, Double.POSITIVE_INFINITY);
                }
            }
        }
        for (int q = 0; q < queueCount; q++) {
            if (demand[q] > 0) {
                flow.addEdge(agents + q, sink, demand[q]);
            }
        }
        return flow.run(source, sink);
    }

    /**
     * Agents served per queue by the max-min fair maximum flow: every queue gets the same share
     * {@code t} of its demand until a set of queues is saturated (its trained FTE is used up), then
     * those are frozen and the others keep rising, up to their full demand.
     */
    double[] fairServed(double[] demand) {
        int n = reach.length;
        double[] served = new double[queueCount];
        boolean[] frozen = new boolean[queueCount];
        int rising = 0;
        for (int q = 0; q < queueCount; q++) {
            if (demand[q] > 0) {
                rising |= 1 << q;
            } else {
                frozen[q] = true;
            }
        }
        double[] risingDemand = new double[queueCount];
        double[] frozenServed = new double[queueCount];
        double[] dU = new double[n];
        double[] sF = new double[n];
        while (rising != 0) {
            for (int q = 0; q < queueCount; q++) {
                risingDemand[q] = (rising & (1 << q)) != 0 ? demand[q] : 0;
                frozenServed[q] = frozen[q] ? served[q] : 0;
            }
            subsetSums(risingDemand, dU);
            subsetSums(frozenServed, sF);
            double t = 1;
            for (int s = 1; s < n; s++) {
                if ((s & rising) != 0) {
                    double share = (reach[s] - sF[s]) / dU[s];
                    if (share < t) {
                        t = share;
                    }
                }
            }
            t = Math.max(0, t);
            if (t >= 1 - EPS) {
                for (int q = 0; q < queueCount; q++) {
                    if ((rising & (1 << q)) != 0) {
                        served[q] = demand[q];
                    }
                }
                break;
            }
            int tight = 0;
            for (int s = 1; s < n; s++) {
                if ((s & rising) != 0 && reach[s] - sF[s] - t * dU[s] <= EPS * (1 + dU[s])) {
                    tight |= s;
                }
            }
            tight &= rising;
            if (tight == 0) {
                throw new IllegalStateException("no saturated queue set at share " + t);
            }
            for (int q = 0; q < queueCount; q++) {
                if ((tight & (1 << q)) != 0) {
                    served[q] = t * demand[q];
                    frozen[q] = true;
                }
            }
            rising &= ~tight;
        }
        return served;
    }

    @Override
    public String toString() {
        return "CoverageModel" + Arrays.toString(masks);
    }
}
