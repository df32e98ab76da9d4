package fr.joignable.forecasting.training;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Dinic's maximum flow on a small graph with real capacities. Used for the coverage check of one
 * interval: source → agent (capacity fte) → queue he is trained for (unbounded) → sink (capacity
 * the scheduled agents of the queue).
 */
final class MaxFlow {

    private static final double EPS = 1e-12;

    private final int nodes;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private double[] cap = new double[16];
    private int edges;
    private int[] level;
    private int[] iter;

    MaxFlow(int nodes) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
        this.level = new int[nodes];
        this.iter = new int[nodes];
    }

    /** Adds the edge {@code from → into}; returns its index (for {@link #flow(int)}). */
    int addEdge(int from, int into, double capacity) {
        ensure(edges + 2);
        int e = edges;
        to[e] = into;
        cap[e] = capacity;
        next[e] = head[from];
        head[from] = e;
        to[e + 1] = from;
        cap[e + 1] = 0;
        next[e + 1] = head[into];
        head[into] = e + 1;
        edges += 2;
        return e;
    }

    /** The flow through edge {@code e} after {@link #run}: the residual of its reverse edge. */
    double flow(int e) {
        return cap[e ^ 1];
    }

    double run(int source, int sink) {
        double total = 0;
        while (bfs(source, sink)) {
            System.arraycopy(head, 0, iter, 0, nodes);
            double pushed;
            while ((pushed = dfs(source, sink, Double.POSITIVE_INFINITY)) > EPS) {
                total += pushed;
            }
        }
        return total;
    }

    private boolean bfs(int source, int sink) {
        Arrays.fill(level, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        level[source] = 0;
        queue.add(source);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int e = head[v]; e >= 0; e = next[e]) {
                if (cap[e] > EPS && level[to[e]] < 0) {
                    level[to[e]] = level[v] + 1;
                    queue.add(to[e]);
                }
            }
        }
        return level[sink] >= 0;
    }

    private double dfs(int v, int sink, double limit) {
        if (v == sink) {
            return limit;
        }
        for (; iter[v] >= 0; iter[v] = next[iter[v]]) {
            int e = iter[v];
            int w = to[e];
            if (cap[e] > EPS && level[w] == level[v] + 1) {
                double pushed = dfs(w, sink, Math.min(limit, cap[e]));
                if (pushed > EPS) {
                    cap[e] -= pushed;
                    cap[e ^ 1] += pushed;
                    return pushed;
                }
            }
        }
        return 0;
    }

    private void ensure(int size) {
        if (size > to.length) {
            int n = Math.max(size, to.length * 2);
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
        }
    }
}
