package fr.joignable.forecasting.schedule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skill structure of a roster against a plan's queues. Agents with the same skills (a bit mask
 * over the queues) form a <em>class</em>. The plan is coverable in an interval iff, for every set S
 * of queues, the agents present who are trained in at least one queue of S are at least S's
 * requirement (Hall's condition for the bipartite agents–queues assignment), and the agents missing
 * are {@code max over S of (required(S) − reach(S))}, 0 at least (the deficiency form of Hall's
 * theorem, i.e. max-flow/min-cut). Two sets reached by the same classes need only the larger one
 * (the requirement grows with the set): {@link #family} keeps, for each distinct set of reaching
 * classes, the union of the queue sets that have it — the sets the coverage constraints and the
 * coverage file use.
 */
final class SkillSets {

    /** One queue set: its queues (bit mask) and the classes reaching it. */
    record PoolSet(int queues, BitSet classes) {}

    final int queueCount;
    final int[] classMask;
    final int[] classOf;
    final int[] classSize;
    final List<PoolSet> family;

    SkillSets(int queueCount, int[] agentMasks) {
        this.queueCount = queueCount;
        Map<Integer, Integer> classes = new LinkedHashMap<>();
        classOf = new int[agentMasks.length];
        for (int a = 0; a < agentMasks.length; a++) {
            classOf[a] = classes.computeIfAbsent(agentMasks[a], k -> classes.size());
        }
        classMask = new int[classes.size()];
        classSize = new int[classes.size()];
        classes.forEach((mask, c) -> classMask[c] = mask);
        for (int c : classOf) {
            classSize[c]++;
        }
        Map<BitSet, Integer> union = new LinkedHashMap<>();
        for (int s = 1; s < (1 << queueCount); s++) {
            BitSet reach = new BitSet();
            for (int c = 0; c < classMask.length; c++) {
                if ((classMask[c] & s) != 0) {
                    reach.set(c);
                }
            }
            union.merge(reach, s, (x, y) -> x | y);
        }
        List<PoolSet> f = new ArrayList<>();
        union.forEach((reach, s) -> f.add(new PoolSet(s, reach)));
        f.sort((x, y) -> Integer.compare(Integer.bitCount(x.queues), Integer.bitCount(y.queues)));
        family = List.copyOf(f);
    }

    /**
     * The family set that is queue {@code q}'s own pool: the one reached by exactly the classes
     * trained in {@code q} (the union of the queues whose trained agents are among them); -1 when
     * no agent is trained in {@code q}.
     */
    int poolOf(int q) {
        BitSet reach = new BitSet();
        for (int c = 0; c < classMask.length; c++) {
            if ((classMask[c] & (1 << q)) != 0) {
                reach.set(c);
            }
        }
        if (reach.isEmpty()) {
            return -1;
        }
        for (int f = 0; f < family.size(); f++) {
            if (family.get(f).classes.equals(reach)) {
                return f;
            }
        }
        return -1;
    }

    int classCount() {
        return classMask.length;
    }

    /** Requirement of {@code set}: the sum of its queues' requirements. */
    static double required(double[] perQueue, int set) {
        double sum = 0;
        for (int q = 0; q < perQueue.length; q++) {
            if ((set & (1 << q)) != 0) {
                sum += perQueue[q];
            }
        }
        return sum;
    }

    /** Agents present in the classes reaching {@code p}. */
    static double reach(double[] perClass, PoolSet p) {
        double sum = 0;
        for (int c = p.classes.nextSetBit(0); c >= 0; c = p.classes.nextSetBit(c + 1)) {
            sum += perClass[c];
        }
        return sum;
    }

    /** Agents missing: {@code max(0, max over the family of required − reach)}. */
    double shortfall(double[] perQueue, double[] perClass) {
        double worst = 0;
        for (PoolSet p : family) {
            worst = Math.max(worst, required(perQueue, p.queues) - reach(perClass, p));
        }
        return worst;
    }

    String name(int set, List<String> queues) {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < queueCount; q++) {
            if ((set & (1 << q)) != 0) {
                if (b.length() > 0) {
                    b.append('+');
                }
                b.append(queues.get(q));
            }
        }
        return b.toString();
    }
}
