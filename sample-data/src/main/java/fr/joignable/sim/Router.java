package fr.joignable.sim;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who takes which contact. Each queue has a waiting line of live contacts (phone, chat) and a
 * backlog of deferred ones (email, letter, portal), both in service order: priority (1 first), then
 * offer time, then offer order.
 *
 * <ul>
 *   <li>A new contact goes to the idle agent trained in its queue who has been idle longest (ties:
 *       roster order), provided {@code reserve} other agents stay idle ({@link #agentFor}); a live
 *       contact is given no reserve, a deferred one the live reserve during opening hours.
 *   <li>A freed agent takes the first contact in service order among the waiting lines of his
 *       skills ({@link #takeWaiting}), or else among their backlogs ({@link #takeDeferred}) when
 *       the reserve allows it.
 * </ul>
 */
final class Router {

    /** Priority, then offer time, then offer order (unique: a total order). */
    static final Comparator<Contact> SERVICE_ORDER =
            (a, b) -> {
                int c = Integer.compare(a.priority, b.priority);
                if (c == 0) {
                    c = Long.compare(a.offeredAt, b.offeredAt);
                }
                return c != 0 ? c : Long.compare(a.number, b.number);
            };

    private final AgentPool pool;
    private final Map<String, TreeSet<Contact>> waiting = new HashMap<>();
    private final Map<String, TreeSet<Contact>> backlog = new HashMap<>();

    Router(AgentPool pool, Iterable<String> queues) {
        this.pool = pool;
        for (String q : queues) {
            waiting.put(q, new TreeSet<>(SERVICE_ORDER));
            backlog.put(q, new TreeSet<>(SERVICE_ORDER));
        }
    }

    /**
     * The longest-idle agent trained in {@code queue}, if at least {@code reserve} other agents
     * (trained in it or not) stay idle; null otherwise.
     */
    Agent agentFor(String queue, int reserve) {
        Agent best = null;
        int idle = 0;
        for (Agent a : pool.agents()) {
            if (!a.idle) {
                continue;
            }
            idle++;
            if (a.profile.trainedIn(queue) && (best == null || a.idleSince < best.idleSince)) {
                best = a;
            }
        }
        return best != null && idle - 1 >= reserve ? best : null;
    }

    /** Live contacts waiting in {@code queue}. */
    int waitingIn(String queue) {
        return waiting.get(queue).size();
    }

    /** A live contact joins its queue's waiting line. */
    void hold(Contact c) {
        waiting.get(c.queue).add(c);
    }

    /** A deferred contact joins its queue's backlog. */
    void defer(Contact c) {
        backlog.get(c.queue).add(c);
    }

    /** A live contact leaves the waiting line without an agent (abandon, voicemail). */
    void withdraw(Contact c) {
        waiting.get(c.queue).remove(c);
    }

    /** The first waiting live contact of {@code a}'s skills, removed; null if none. */
    Contact takeWaiting(Agent a) {
        return take(waiting, a);
    }

    /** The first deferred contact of {@code a}'s skills, removed; null if none. */
    Contact takeDeferred(Agent a) {
        return take(backlog, a);
    }

    /** Deferred contacts not opened yet. */
    long backlogSize() {
        return backlog.values().stream().mapToLong(TreeSet::size).sum();
    }

    private static Contact take(Map<String, TreeSet<Contact>> queues, Agent a) {
        Contact best = null;
        for (String q : a.profile.skills()) {
            TreeSet<Contact> set = queues.get(q);
            if (set != null && !set.isEmpty()) {
                Contact head = set.first();
                if (best == null || SERVICE_ORDER.compare(head, best) < 0) {
                    best = head;
                }
            }
        }
        if (best != null) {
            queues.get(best.queue).remove(best);
        }
        return best;
    }
}
