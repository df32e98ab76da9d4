package fr.joignable.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.Ev;
import fr.joignable.jobs.model.LiveIn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The live view of {@code docs/live-view.md}: one operator (parallelism 1, a single key) that
 * follows recent contacts and every agent's current state, and publishes a JSON snapshot as of the
 * current watermark every second of processing time (and at the end of the input). Its memory is
 * pruned to the last hour (plus open contacts, up to the contact horizon); it is a view, rebuilt
 * from the events after a restart, not part of the exactly-once tables.
 */
public final class LiveViewFunction extends KeyedProcessFunction<String, LiveIn, String> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = 3_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelThresholds thresholds;
    private final long horizonMs;
    private final long periodMs;

    static final class Contact {
        String queue;
        Channel channel;
        long offerTs = Kpis.NONE;
        long answerTs = Kpis.NONE;
        long abandonTs = Kpis.NONE;
        long seenTs;
        boolean identified;
        int duplicate;
        int afterAbandon;
    }

    static final class Agent {
        String team;
        String state;
        long since;

        /** Closed spans of the last hour: from, to, state index. */
        final List<long[]> spans = new ArrayList<>();
    }

    private transient Map<String, Contact> contacts;
    private transient Map<String, Agent> agents;
    private transient long lastWatermark;
    private transient boolean timerSet;
    private transient long maxTs;

    public LiveViewFunction(ChannelThresholds thresholds, long horizonMs, long periodMs) {
        this.thresholds = thresholds;
        this.horizonMs = horizonMs;
        this.periodMs = periodMs;
    }

    @Override
    public void open(OpenContext ctx) {
        contacts = new HashMap<>();
        agents = new HashMap<>();
        lastWatermark = Long.MIN_VALUE;
        maxTs = Long.MIN_VALUE;
    }

    @Override
    public void processElement(LiveIn in, Context ctx, Collector<String> out) {
        if (!timerSet) {
            timerSet = true;
            // the end of a bounded input: one last snapshot as of the latest event time
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + periodMs);
        }
        if (in.duplicate != null) {
            Contact c = contacts.get(in.duplicate.contactId);
            if (c != null) {
                c.duplicate += (int) in.duplicate.duplicates;
                c.afterAbandon += (int) in.duplicate.duplicatesAfterAbandon;
            }
            return;
        }
        Ev e = in.event;
        maxTs = Math.max(maxTs, e.ts);
        if (e.isAgentEvent()) {
            Agent a = agents.computeIfAbsent(e.agentId, k -> new Agent());
            if (a.state != null && e.ts >= a.since) {
                a.spans.add(new long[] {a.since, e.ts, Kpis.stateIndex(a.state)});
            }
            if (a.state == null || e.ts >= a.since) {
                a.team = e.team;
                a.state = e.state;
                a.since = e.ts;
            }
            return;
        }
        if (e.contactId == null) {
            return;
        }
        Contact c = contacts.computeIfAbsent(e.contactId, k -> new Contact());
        c.seenTs = Math.max(c.seenTs, e.ts);
        switch (e.type) {
            case "CONTACT_OFFERED" -> {
                c.offerTs = e.ts;
                c.queue = e.queue;
                c.channel = Channel.valueOf(e.channel);
                c.identified = e.tenantId != null;
            }
            case "CONTACT_ANSWERED" ->
                    c.answerTs = c.answerTs == Kpis.NONE ? e.ts : Math.min(c.answerTs, e.ts);
            case "CONTACT_ABANDONED" ->
                    c.abandonTs = c.abandonTs == Kpis.NONE ? e.ts : Math.min(c.abandonTs, e.ts);
            default -> {}
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        if (ctx.timeDomain() == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME) {
            if (maxTs != Long.MIN_VALUE) {
                out.collect(snapshot(maxTs, System.currentTimeMillis()));
            }
            return;
        }
        long wm = ctx.timerService().currentWatermark();
        if (wm != Long.MIN_VALUE && wm != Long.MAX_VALUE) {
            out.collect(snapshot(wm, System.currentTimeMillis()));
            prune(wm);
            lastWatermark = wm;
        }
        ctx.timerService().registerProcessingTimeTimer(timestamp + periodMs);
    }

    void prune(long asOf) {
        long keepFrom = Math.min(asOf - HOUR, Intervals.startOf(asOf));
        for (Iterator<Contact> it = contacts.values().iterator(); it.hasNext(); ) {
            Contact c = it.next();
            boolean resolved = c.answerTs != Kpis.NONE || c.abandonTs != Kpis.NONE;
            if (c.offerTs == Kpis.NONE) {
                if (c.seenTs < asOf - HOUR) {
                    it.remove();
                }
            } else if ((resolved && c.offerTs < keepFrom) || c.offerTs < asOf - horizonMs) {
                it.remove();
            }
        }
        for (Iterator<Agent> it = agents.values().iterator(); it.hasNext(); ) {
            Agent a = it.next();
            a.spans.removeIf(s -> s[1] < keepFrom);
            if ("LOGGED_OUT".equals(a.state) && a.since < keepFrom && a.spans.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Metrics of the contacts offered in [from, to]. */
    final class Metrics {
        long offered, answered, shortAbandoned, abandoned, answeredInSl, waitMs, identified;
        long duplicates, afterAbandon;

        void add(Contact c, long asOf) {
            ChannelThresholds.Threshold t = thresholds.of(c.queue, c.channel);
            offered++;
            if (c.identified) identified++;
            duplicates += c.duplicate;
            afterAbandon += c.afterAbandon;
            if (c.answerTs != Kpis.NONE && c.answerTs <= asOf) {
                long w = c.answerTs - c.offerTs;
                answered++;
                waitMs += w;
                if (Kpis.isInServiceLevel(w, t.serviceLevelMillis())) answeredInSl++;
            }
            if (c.abandonTs != Kpis.NONE && c.abandonTs <= asOf) {
                if (Kpis.isShortAbandon(c.abandonTs - c.offerTs, t.shortAbandonMillis())) {
                    shortAbandoned++;
                } else {
                    abandoned++;
                }
            }
        }

        ObjectNode json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("offered", offered);
            n.put("answered", answered);
            n.put("shortAbandoned", shortAbandoned);
            n.put("abandoned", abandoned);
            n.put("answeredInSl", answeredInSl);
            n.put("serviceLevel", Kpis.serviceLevel(answeredInSl, offered, shortAbandoned));
            n.put("abandonRate", Kpis.abandonRate(abandoned, offered, shortAbandoned));
            n.put("asaS", Kpis.meanSeconds(waitMs, answered));
            n.put("identified", identified);
            n.put("duplicates", duplicates);
            n.put("duplicatesAfterAbandon", afterAbandon);
            n.put("duplicateRate", Kpis.ratio(duplicates, identified));
            return n;
        }
    }

    /** Busy+wrap and ready time of one team in a window. */
    static final class Occ {
        long ready, work;

        Double value() {
            return Kpis.ratio(work, ready + work);
        }
    }

    String snapshot(long asOf, long now) {
        long intervalStart = Intervals.startOf(asOf);
        long hourAgo = asOf - HOUR;
        Map<String, Metrics> interval = new TreeMap<>();
        Map<String, Metrics> hour = new TreeMap<>();
        Map<String, long[]> queueLive = new TreeMap<>(); // waiting, oldest offer, backlog
        Metrics totalInterval = new Metrics();
        Metrics totalHour = new Metrics();
        for (Contact c : contacts.values()) {
            if (c.offerTs == Kpis.NONE || c.offerTs > asOf) {
                continue;
            }
            long[] q = queueLive.computeIfAbsent(c.queue, k -> new long[] {0, Long.MAX_VALUE, 0});
            boolean answered = c.answerTs != Kpis.NONE && c.answerTs <= asOf;
            boolean abandoned = c.abandonTs != Kpis.NONE && c.abandonTs <= asOf;
            if (c.channel.isLive() && !answered && !abandoned) {
                q[0]++;
                q[1] = Math.min(q[1], c.offerTs);
            }
            if (c.channel.isDeferred() && !answered) {
                q[2]++;
            }
            if (c.offerTs >= intervalStart) {
                interval.computeIfAbsent(c.queue, k -> new Metrics()).add(c, asOf);
                totalInterval.add(c, asOf);
            }
            if (c.offerTs > hourAgo) {
                hour.computeIfAbsent(c.queue, k -> new Metrics()).add(c, asOf);
                totalHour.add(c, asOf);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("asOf", Instant.ofEpochMilli(asOf).toString());
        root.put("emittedAt", Instant.ofEpochMilli(now).toString());
        root.put("intervalStart", Instant.ofEpochMilli(intervalStart).toString());
        ArrayNode queues = root.putArray("queues");
        for (Map.Entry<String, long[]> q : queueLive.entrySet()) {
            ObjectNode n = queues.addObject();
            long[] v = q.getValue();
            n.put("queue", q.getKey());
            n.put("waiting", v[0]);
            n.put("longestWaitS", v[0] == 0 ? 0.0 : (asOf - v[1]) / 1000.0);
            n.put("backlog", v[2]);
            n.set("interval", interval.getOrDefault(q.getKey(), new Metrics()).json());
            n.set("last60m", hour.getOrDefault(q.getKey(), new Metrics()).json());
        }
        Map<String, Map<String, Long>> states = new TreeMap<>();
        Map<String, Occ> occInterval = new TreeMap<>();
        Map<String, Occ> occHour = new TreeMap<>();
        Occ totalOcc = new Occ();
        for (Agent a : agents.values()) {
            // In a live run asOf is the watermark, behind the newest agent events: report the
            // state in effect at asOf, not the newest one.
            String stateNow = stateAt(a, asOf);
            if (stateNow == null) {
                continue;
            }
            Map<String, Long> s = states.computeIfAbsent(a.team, k -> new TreeMap<>());
            if (!"LOGGED_OUT".equals(stateNow)) {
                s.merge(stateNow, 1L, Long::sum);
            }
            List<long[]> spans = new ArrayList<>(a.spans);
            spans.add(new long[] {a.since, asOf, Kpis.stateIndex(a.state)});
            for (long[] sp : spans) {
                addOcc(
                        occInterval.computeIfAbsent(a.team, k -> new Occ()),
                        sp,
                        intervalStart,
                        asOf);
                addOcc(occHour.computeIfAbsent(a.team, k -> new Occ()), sp, hourAgo, asOf);
                addOcc(totalOcc, sp, hourAgo, asOf);
            }
        }
        ArrayNode teams = root.putArray("teams");
        for (Map.Entry<String, Map<String, Long>> t : states.entrySet()) {
            ObjectNode n = teams.addObject();
            n.put("team", t.getKey());
            ObjectNode st = n.putObject("states");
            t.getValue().forEach(st::put);
            n.put("occupancy", occInterval.get(t.getKey()).value());
            n.put("occupancyLast60m", occHour.get(t.getKey()).value());
        }
        ObjectNode totals = root.putObject("totals");
        totals.set("interval", totalInterval.json());
        ObjectNode last = totalHour.json();
        last.put("occupancy", totalOcc.value());
        totals.set("last60m", last);
        return root.toString();
    }

    /** The agent's state at {@code t}, or null when unknown then. */
    static String stateAt(Agent a, long t) {
        if (a.state == null) {
            return null;
        }
        if (a.since <= t) {
            return a.state;
        }
        for (long[] span : a.spans) {
            if (span[0] <= t && t < span[1]) {
                return STATE_NAMES.getOrDefault((int) span[2], "LOGGED_OUT");
            }
        }
        return null;
    }

    private static final Map<Integer, String> STATE_NAMES =
            Map.of(0, "READY", 1, "BUSY", 2, "WRAP_UP", 3, "NOT_READY");

    private static void addOcc(Occ o, long[] span, long from, long to) {
        long overlap = Math.min(span[1], to) - Math.max(span[0], from);
        if (overlap <= 0) {
            return;
        }
        switch ((int) span[2]) {
            case 0 -> o.ready += overlap;
            case 1, 2 -> o.work += overlap;
            default -> {}
        }
    }
}
