package fr.joignable.jobs.live;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.live.LiveView;
import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.Kpis;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.JobEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the live view knows, updated as events <em>arrive</em> (no watermark): the latest-known
 * facts of each recent contact and the state changes of each agent over the last hour.
 *
 * <ul>
 *   <li>A contact's facts are merged whatever their arrival order: the earliest offer, answer,
 *       abandon and diversion times; its outcome is that of {@code docs/kpis.md} (answered whatever
 *       else; otherwise the earlier of abandon and diversion, at equal times the diversion).
 *       Applying an event twice changes nothing (redeliveries need no de-duplication here).
 *   <li>An agent's changes are kept by event time: the state now is the one of the latest event
 *       time, so a {@code BUSY} that arrives before the {@code READY} that preceded it stays the
 *       current state, and the late {@code READY} only corrects the occupancy.
 * </ul>
 *
 * <p>Bounded by {@link #prune(long)}: a contact with an outcome leaves once it is older than both
 * the running interval and the last 60 minutes; a live contact (phone, chat) whose outcome never
 * arrives leaves after {@code liveContactTtlMs}, a deferred one (email, letter, portal) after
 * {@code deferredHorizonMs}; outcomes whose offer never came leave after an hour; an agent's
 * changes older than the windows are dropped (keeping the one in effect at their start), and an
 * agent leaves once logged out before the windows, or without any event for {@link #AGENT_TTL_MS}.
 */
public final class LiveState {

    static final long HOUR = 3_600_000L;

    /** An agent with no event for this long (a lost log-out) is no longer shown. */
    public static final long AGENT_TTL_MS = 12 * HOUR;

    /** A live contact (phone, chat) still waiting after this long is dropped (lost outcome). */
    public static final long DEFAULT_LIVE_CONTACT_TTL_MS = 4 * HOUR;

    private final ChannelThresholds thresholds;
    private final long liveContactTtlMs;
    private final long deferredHorizonMs;

    final Map<String, Contact> contacts = new HashMap<>();
    final Map<String, Agent> agents = new HashMap<>();

    public LiveState(ChannelThresholds thresholds, long liveContactTtlMs, long deferredHorizonMs) {
        this.thresholds = thresholds;
        this.liveContactTtlMs = liveContactTtlMs;
        this.deferredHorizonMs = deferredHorizonMs;
    }

    enum Outcome {
        NONE,
        ANSWERED,
        ABANDONED,
        DIVERTED
    }

    static final class Contact {
        String queue;
        Channel channel;
        long offerTs = Kpis.NONE;
        long answerTs = Kpis.NONE;
        long abandonTs = Kpis.NONE;
        long divertTs = Kpis.NONE;
        boolean divertClosed;
        long seenTs = Long.MIN_VALUE;
        boolean identified;
        long duplicates;
        long afterAbandon;

        Outcome outcome() {
            if (answerTs != Kpis.NONE) {
                return Outcome.ANSWERED;
            }
            if (divertTs != Kpis.NONE && (abandonTs == Kpis.NONE || divertTs <= abandonTs)) {
                return Outcome.DIVERTED;
            }
            return abandonTs != Kpis.NONE ? Outcome.ABANDONED : Outcome.NONE;
        }
    }

    static final class Agent {
        String team;

        /** Event time → state, the last hour and the change in effect at its start. */
        final NavigableMap<Long, AgentState> changes = new TreeMap<>();

        AgentState now() {
            return changes.isEmpty() ? null : changes.lastEntry().getValue();
        }
    }

    /** Number of contacts and agents held (for tests of the bounds). */
    public int size() {
        return contacts.size() + agents.size();
    }

    /** Merges one accepted event. */
    public void apply(JobEvent e) {
        if (e.isAgentEvent()) {
            Agent a = agents.computeIfAbsent(e.agentId, k -> new Agent());
            if (a.changes.isEmpty() || e.ts >= a.changes.lastKey()) {
                a.team = e.team;
            }
            a.changes.put(e.ts, e.state);
            return;
        }
        if (e.contactId == null || e.type == null) {
            return;
        }
        Contact c = contacts.computeIfAbsent(e.contactId, k -> new Contact());
        c.seenTs = Math.max(c.seenTs, e.ts);
        switch (e.type) {
            case CONTACT_OFFERED -> {
                if (c.offerTs == Kpis.NONE || e.ts < c.offerTs) {
                    c.offerTs = e.ts;
                    c.queue = e.queue;
                    c.channel = e.channel;
                    c.identified = e.tenantId != null;
                }
            }
            case CONTACT_ANSWERED -> c.answerTs = earliest(c.answerTs, e.ts);
            case CONTACT_ABANDONED -> c.abandonTs = earliest(c.abandonTs, e.ts);
            case CONTACT_DIVERTED -> {
                if (c.divertTs == Kpis.NONE || e.ts < c.divertTs) {
                    c.divertTs = e.ts;
                    c.divertClosed = e.divertReason == DivertReason.CLOSED;
                }
            }
            default -> {}
        }
    }

    /** Adds a duplicate decision to its contact (when still held). */
    public void applyDuplicate(ContactDelta d) {
        Contact c = d.contactId == null ? null : contacts.get(d.contactId);
        if (c != null) {
            c.duplicates += d.duplicates;
            c.afterAbandon += d.duplicatesAfterAbandon;
        }
    }

    private static long earliest(long current, long ts) {
        return current == Kpis.NONE ? ts : Math.min(current, ts);
    }

    /** Forgets what no snapshot as of {@code asOf} or later needs (see the class comment). */
    public void prune(long asOf) {
        long keepFrom = Math.min(asOf - HOUR, Intervals.startOf(asOf));
        for (Iterator<Contact> it = contacts.values().iterator(); it.hasNext(); ) {
            Contact c = it.next();
            if (c.offerTs == Kpis.NONE) {
                if (c.seenTs < asOf - HOUR) {
                    it.remove();
                }
                continue;
            }
            boolean old = c.offerTs < keepFrom;
            boolean expired =
                    c.channel.isLive()
                            ? c.offerTs < asOf - liveContactTtlMs
                            : c.offerTs < asOf - deferredHorizonMs;
            if (old && (c.outcome() != Outcome.NONE || expired)) {
                it.remove();
            }
        }
        for (Iterator<Agent> it = agents.values().iterator(); it.hasNext(); ) {
            Agent a = it.next();
            Long inEffect = a.changes.floorKey(keepFrom);
            if (inEffect != null) {
                a.changes.headMap(inEffect, false).clear();
            }
            long last = a.changes.lastKey();
            if ((a.now() == AgentState.LOGGED_OUT && last < keepFrom)
                    || last < asOf - AGENT_TTL_MS) {
                it.remove();
            }
        }
    }

    /** Contact metrics of one window. */
    final class Metrics {
        long offered, answered, shortAbandoned, abandoned, answeredInSl, waitMs, identified;
        long duplicates, afterAbandon, diverted, closed;

        void add(Contact c) {
            ChannelThresholds.Threshold t = thresholds.of(c.queue, c.channel);
            offered++;
            if (c.identified) {
                identified++;
            }
            duplicates += c.duplicates;
            afterAbandon += c.afterAbandon;
            switch (c.outcome()) {
                case ANSWERED -> {
                    long w = c.answerTs - c.offerTs;
                    answered++;
                    waitMs += w;
                    if (Kpis.isInServiceLevel(w, t.serviceLevelMillis())) {
                        answeredInSl++;
                    }
                }
                case ABANDONED -> {
                    if (Kpis.isShortAbandon(c.abandonTs - c.offerTs, t.shortAbandonMillis())) {
                        shortAbandoned++;
                    } else {
                        abandoned++;
                    }
                }
                case DIVERTED -> {
                    diverted++;
                    if (c.divertClosed) {
                        closed++;
                    }
                }
                case NONE -> {}
            }
        }

        LiveView.Metrics view() {
            // docs/kpis.md: denominators offered − short_abandoned − closed
            long base = offered - shortAbandoned - closed;
            return new LiveView.Metrics(
                    offered,
                    answered,
                    shortAbandoned,
                    abandoned,
                    answeredInSl,
                    base > 0 ? (double) answeredInSl / base : null,
                    base > 0 ? (double) abandoned / base : null,
                    Kpis.meanSeconds(waitMs, answered),
                    identified,
                    duplicates,
                    afterAbandon,
                    Kpis.ratio(duplicates, identified),
                    null,
                    diverted,
                    closed);
        }
    }

    /** Ready and working (busy + wrap-up) time of agents in one window. */
    static final class Occupancy {
        long ready, work;

        Double value() {
            return Kpis.ratio(work, ready + work);
        }

        void add(AgentState state, long from, long to, long windowFrom, long windowTo) {
            long overlap = Math.min(to, windowTo) - Math.max(from, windowFrom);
            if (overlap <= 0) {
                return;
            }
            switch (state) {
                case READY -> ready += overlap;
                case BUSY, WRAP_UP -> work += overlap;
                default -> {}
            }
        }
    }

    private static final class QueueNow {
        long waiting;
        long oldestOffer = Long.MAX_VALUE;
        long backlog;
    }

    /** The snapshot as of {@code asOf} (event time), produced at {@code emittedAt} (wall clock). */
    public LiveView snapshot(long asOf, long emittedAt) {
        long intervalStart = Intervals.startOf(asOf);
        long hourAgo = asOf - HOUR;
        Map<String, QueueNow> now = new TreeMap<>();
        Map<String, Metrics> interval = new HashMap<>();
        Map<String, Metrics> hour = new HashMap<>();
        Metrics totalInterval = new Metrics();
        Metrics totalHour = new Metrics();
        for (Contact c : contacts.values()) {
            if (c.offerTs == Kpis.NONE || c.offerTs > asOf) {
                continue;
            }
            QueueNow q = now.computeIfAbsent(c.queue, k -> new QueueNow());
            if (c.outcome() == Outcome.NONE) {
                if (c.channel.isLive()) {
                    q.waiting++;
                    q.oldestOffer = Math.min(q.oldestOffer, c.offerTs);
                } else {
                    q.backlog++;
                }
            }
            if (c.offerTs >= intervalStart) {
                interval.computeIfAbsent(c.queue, k -> new Metrics()).add(c);
                totalInterval.add(c);
            }
            if (c.offerTs > hourAgo) {
                hour.computeIfAbsent(c.queue, k -> new Metrics()).add(c);
                totalHour.add(c);
            }
        }
        List<LiveView.Queue> queues = new ArrayList<>();
        for (Map.Entry<String, QueueNow> e : now.entrySet()) {
            QueueNow q = e.getValue();
            queues.add(
                    new LiveView.Queue(
                            e.getKey(),
                            q.waiting,
                            q.waiting == 0 ? 0.0 : (asOf - q.oldestOffer) / 1000.0,
                            q.backlog,
                            interval.getOrDefault(e.getKey(), new Metrics()).view(),
                            hour.getOrDefault(e.getKey(), new Metrics()).view()));
        }

        Map<String, Map<String, Long>> states = new TreeMap<>();
        Map<String, Occupancy> occInterval = new HashMap<>();
        Map<String, Occupancy> occHour = new HashMap<>();
        Occupancy totalOcc = new Occupancy();
        for (Agent a : agents.values()) {
            AgentState state = a.now();
            if (state == null) {
                continue;
            }
            Map<String, Long> s = states.computeIfAbsent(a.team, k -> new TreeMap<>());
            if (state != AgentState.LOGGED_OUT) {
                s.merge(state.name(), 1L, Long::sum);
            }
            Occupancy[] windows = {
                occInterval.computeIfAbsent(a.team, k -> new Occupancy()),
                occHour.computeIfAbsent(a.team, k -> new Occupancy()),
                totalOcc
            };
            Map.Entry<Long, AgentState> prev = null;
            for (Map.Entry<Long, AgentState> change : a.changes.entrySet()) {
                if (prev != null) {
                    span(
                            prev.getValue(),
                            prev.getKey(),
                            change.getKey(),
                            intervalStart,
                            asOf,
                            windows);
                }
                prev = change;
            }
            span(prev.getValue(), prev.getKey(), asOf, intervalStart, asOf, windows);
        }
        List<LiveView.Team> teams = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> t : states.entrySet()) {
            teams.add(
                    new LiveView.Team(
                            t.getKey(),
                            t.getValue(),
                            occInterval.get(t.getKey()).value(),
                            occHour.get(t.getKey()).value()));
        }
        LiveView.Totals totals =
                new LiveView.Totals(
                        totalInterval.view(), totalHour.view().withOccupancy(totalOcc.value()));
        return new LiveView(
                Instant.ofEpochMilli(asOf).toString(),
                Instant.ofEpochMilli(emittedAt).toString(),
                Instant.ofEpochMilli(intervalStart).toString(),
                queues,
                teams,
                totals);
    }

    /** Adds one state span to the running interval [start, asOf) and the last hour. */
    private static void span(
            AgentState state,
            long from,
            long to,
            long intervalStart,
            long asOf,
            Occupancy[] windows) {
        windows[0].add(state, from, to, intervalStart, asOf);
        windows[1].add(state, from, to, asOf - HOUR, asOf);
        windows[2].add(state, from, to, asOf - HOUR, asOf);
    }
}
