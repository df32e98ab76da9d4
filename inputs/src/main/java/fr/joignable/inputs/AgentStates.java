package fr.joignable.inputs;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.InteractionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One state per agent from the agent lines of a {@code queue_log}, which Asterisk writes once per
 * queue (an agent in three queues gets three {@code ADDMEMBER} or {@code PAUSE} lines at the same
 * second). The lines of one instant are applied together and give at most one {@code AGENT_STATE}
 * per agent, only when the state changes:
 *
 * <ul>
 *   <li>logged out while the agent is in no queue, not logged in as an agent and not on a call;
 *   <li>{@code BUSY} from {@code CONNECT} until that call's end (complete or transfer); a new
 *       {@code CONNECT} replaces a call whose end was never logged;
 *   <li>{@code WRAP_UP} for the seconds of {@code WRAPUPSTART} after the call;
 *   <li>{@code NOT_READY} while paused ({@code PAUSE}/{@code PAUSEALL} until {@code UNPAUSE}/{@code
 *       UNPAUSEALL}; a pause in one queue counts for the agent);
 *   <li>{@code READY} otherwise.
 * </ul>
 *
 * Any line of an agent in a queue (a call, a pause) shows him a member of it, so static members
 * that never log {@code ADDMEMBER} appear from their first call. In bulk mode the lines are
 * collected and applied in time order at {@link #finish()} (files need not be sorted); in live mode
 * they are applied as they come. Event ids hash (agent, time, state): the same input gives the same
 * ids.
 */
final class AgentStates {

    enum Kind {
        ADD,
        REMOVE,
        LOGIN,
        LOGOFF,
        PAUSE,
        UNPAUSE,
        CONNECT,
        END,
        WRAPUP
    }

    /** One agent line; {@code queue} null for lines not about one queue (PAUSEALL, NONE). */
    record Line(
            long ts,
            long seq,
            String agent,
            String queue,
            String team,
            Kind kind,
            String call,
            long wrapupMillis) {}

    private record Timer(long at, String agent) {}

    private static final class Agent {
        final String id;
        String team;
        final Set<String> queues = new HashSet<>();
        boolean login;
        boolean paused;
        String call;
        long wrapUntil;
        AgentState emitted;

        Agent(String id) {
            this.id = id;
        }
    }

    private final boolean bulk;
    private final Mapping mapping;
    private final Consumer<InteractionEvent> out;
    private final List<Line> pending = new ArrayList<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<Agent> dirty = new LinkedHashSet<>();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparingLong(Timer::at).thenComparing(Timer::agent));
    private long clock = Long.MIN_VALUE;
    private long seq;
    private long emittedCount;

    AgentStates(boolean bulk, Mapping mapping, Consumer<InteractionEvent> out) {
        this.bulk = bulk;
        this.mapping = mapping;
        this.out = out;
    }

    void accept(
            long ts, String agent, String queue, String team, Kind kind, String call, long wrap) {
        String a = names.computeIfAbsent(agent, k -> k); // one String per agent, not per line
        Line l = new Line(ts, seq++, a, queue, team, kind, call, wrap);
        if (bulk) {
            pending.add(l);
        } else {
            apply(l);
        }
    }

    /** Live mode: emits the states of the current instant now (the input is idle). */
    void flush() {
        if (!bulk) {
            flushDirty();
        }
    }

    /** End of input: applies what is pending, ends running wrap-ups, emits the last states. */
    void finish() {
        if (bulk) {
            pending.sort(Comparator.comparingLong(Line::ts).thenComparingLong(Line::seq));
            for (Line l : pending) {
                apply(l);
            }
            pending.clear();
        }
        fireTimers(Long.MAX_VALUE);
        flushDirty();
    }

    long emitted() {
        return emittedCount;
    }

    private void apply(Line l) {
        if (l.ts() != clock) {
            fireTimers(l.ts());
            if (clock != l.ts()) {
                flushDirty();
                clock = l.ts();
            }
        }
        Agent a = agents.computeIfAbsent(l.agent(), Agent::new);
        if (a.team == null) {
            String t = mapping.agentTeam(l.agent());
            a.team = t != null ? t : l.team();
        }
        switch (l.kind()) {
            case ADD -> member(a, l);
            case REMOVE -> {
                if (l.queue() != null) {
                    a.queues.remove(l.queue());
                }
            }
            case LOGIN -> a.login = true;
            case LOGOFF -> {
                a.login = false;
                a.queues.clear();
                a.call = null;
                a.paused = false;
                a.wrapUntil = 0;
            }
            case PAUSE -> {
                member(a, l);
                a.paused = true;
            }
            case UNPAUSE -> {
                member(a, l);
                a.paused = false;
            }
            case CONNECT -> {
                member(a, l);
                a.call = l.call();
                a.wrapUntil = 0;
            }
            case END -> {
                member(a, l);
                if (l.call().equals(a.call)) {
                    a.call = null;
                }
            }
            case WRAPUP -> {
                member(a, l);
                if (a.call == null || l.call().equals(a.call)) {
                    a.call = null;
                    a.wrapUntil = l.ts() + l.wrapupMillis();
                    timers.add(new Timer(a.wrapUntil, a.id));
                }
            }
            default -> throw new IllegalStateException(l.kind().name());
        }
        dirty.add(a);
    }

    private static void member(Agent a, Line l) {
        if (l.queue() != null) {
            a.queues.add(l.queue());
        }
    }

    /** Applies the ends of wrap-up due before {@code until} (and at it), each at its own time. */
    private void fireTimers(long until) {
        while (!timers.isEmpty() && timers.peek().at() <= until) {
            Timer t = timers.poll();
            if (t.at() != clock) {
                flushDirty();
                clock = t.at();
            }
            Agent a = agents.get(t.agent());
            if (a.wrapUntil == t.at()) {
                dirty.add(a);
            }
        }
    }

    private void flushDirty() {
        for (Agent a : dirty) {
            AgentState s = state(a);
            if (s != a.emitted) {
                a.emitted = s;
                String team = a.team != null ? a.team : Mapping.DEFAULT_AGENT_TEAM;
                String id = "qa" + EventIds.hash(a.id + "|" + clock + "|" + s.name());
                out.accept(AgentStateChanged.of(id, Instant.ofEpochMilli(clock), a.id, team, s));
                emittedCount++;
            }
        }
        dirty.clear();
    }

    private AgentState state(Agent a) {
        if (a.call != null) {
            return AgentState.BUSY;
        }
        if (!a.login && a.queues.isEmpty()) {
            return AgentState.LOGGED_OUT;
        }
        if (a.wrapUntil > clock) {
            return AgentState.WRAP_UP;
        }
        return a.paused ? AgentState.NOT_READY : AgentState.READY;
    }
}
