package fr.joignable.forecasting.staffing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pools of a plan: sets of queues whose live contacts the same agents serve, so that they are
 * staffed together. With a roster, two queues share a pool when some agent is trained in both, or
 * through a chain of such agents (the connected components of the agent–queue skill graph): with
 * overlapping skills, work flows to whichever trained agent is free, and a multi-skill centre
 * performs close to one pool when each agent has a few well-chosen skills (Wallace &amp; Whitt, "A
 * staffing algorithm for call centers with skill-based routing", M&amp;SOM 7(4), 2005). A queue
 * nobody is trained in forms its own pool. Without a roster each queue is its own pool, across its
 * channels.
 */
public final class Pools {

    /** One pool: a name ({@code POOL_1}…) and its queues, sorted. */
    public record Pool(String name, List<String> queues) {}

    private final List<Pool> pools;
    private final Map<String, Pool> byQueue;

    private Pools(List<Pool> pools) {
        this.pools = List.copyOf(pools);
        Map<String, Pool> map = new HashMap<>();
        for (Pool p : pools) {
            for (String q : p.queues()) {
                map.put(q, p);
            }
        }
        this.byQueue = map;
    }

    /** One pool per queue. */
    public static Pools perQueue(Collection<String> queues) {
        List<Pool> pools = new ArrayList<>();
        int i = 1;
        for (String q : new TreeSet<>(queues)) {
            pools.add(new Pool("POOL_" + i++, List.of(q)));
        }
        return new Pools(pools);
    }

    /** The connected components of the skills of {@code roster}, over {@code queues}. */
    public static Pools fromRoster(StaffRoster roster, Collection<String> queues) {
        Map<String, String> parent = new LinkedHashMap<>();
        for (String q : new TreeSet<>(queues)) {
            parent.put(q, q);
        }
        for (StaffRoster.Agent a : roster.agents()) {
            String first = null;
            for (String s : a.skills()) {
                if (!parent.containsKey(s)) {
                    continue; // a skill with no forecast: no work to pool
                }
                if (first == null) {
                    first = s;
                } else {
                    union(parent, first, s);
                }
            }
        }
        Map<String, TreeSet<String>> groups = new LinkedHashMap<>();
        for (String q : parent.keySet()) {
            groups.computeIfAbsent(find(parent, q), k -> new TreeSet<>()).add(q);
        }
        List<Pool> pools = new ArrayList<>();
        int i = 1;
        List<TreeSet<String>> sorted = new ArrayList<>(groups.values());
        sorted.sort((x, y) -> x.first().compareTo(y.first()));
        for (TreeSet<String> g : sorted) {
            pools.add(new Pool("POOL_" + i++, List.copyOf(g)));
        }
        return new Pools(pools);
    }

    private static String find(Map<String, String> parent, String q) {
        String root = q;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        while (!parent.get(q).equals(root)) {
            String next = parent.get(q);
            parent.put(q, root);
            q = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    public List<Pool> pools() {
        return pools;
    }

    /** The pool of {@code queue}. */
    public Pool of(String queue) {
        Pool p = byQueue.get(queue);
        if (p == null) {
            throw new IllegalArgumentException("queue not in any pool");
        }
        return p;
    }
}
