package fr.joignable.wallboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.live.LiveView;
import fr.joignable.domain.targets.Status;
import fr.joignable.domain.targets.Targets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the page draws, as pushed over {@code /events}: the snapshot's figures, each rate with its
 * red/amber/green status against the {@link Targets}, whole-centre sums and the freshness ({@code
 * state}: {@code live}, {@code stale} when the newest snapshot is older than {@link
 * #STALE_AFTER_SECONDS}, {@code none} before the first one). The page only renders it.
 */
public final class WallboardView {

    /** A snapshot older than this (seconds) is shown as stale. */
    public static final double STALE_AFTER_SECONDS = 5.0;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private WallboardView() {}

    public static ObjectNode build(Optional<LiveSnapshot> latest, Targets targets, Instant now) {
        ObjectNode root = F.objectNode();
        root.set("targets", targets(targets));
        if (latest.isEmpty()) {
            root.put("state", "none");
            return root;
        }
        LiveSnapshot snapshot = latest.get();
        LiveView view = snapshot.view();
        double age = snapshot.ageSeconds(now);
        root.put("state", age > STALE_AFTER_SECONDS ? "stale" : "live");
        root.put("ageS", round(age, 1));
        root.put("asOf", view.asOf());
        root.put("intervalStart", view.intervalStart());

        long waiting = 0;
        long backlog = 0;
        Double longest = null;
        var queues = root.putArray("queues");
        for (LiveView.Queue q : view.queues()) {
            ObjectNode n = queues.addObject();
            n.put("queue", q.queue());
            n.put("waiting", q.waiting());
            n.put("longestWaitS", q.longestWaitS());
            n.put("longestWaitStatus", targets.longestWaitS().status(q.longestWaitS()).css());
            n.put("backlog", q.backlog());
            n.set("interval", metrics(q.interval(), targets));
            n.set("last60m", metrics(q.last60m(), targets));
            waiting += q.waiting() == null ? 0 : q.waiting();
            backlog += q.backlog() == null ? 0 : q.backlog();
            if (defined(q.longestWaitS()) && (longest == null || q.longestWaitS() > longest)) {
                longest = q.longestWaitS();
            }
        }

        Map<String, Long> agents = new TreeMap<>();
        var teams = root.putArray("teams");
        for (LiveView.Team t : view.teams()) {
            ObjectNode n = teams.addObject();
            n.put("team", t.team());
            ObjectNode states = n.putObject("states");
            long total = 0;
            for (Map.Entry<String, Long> e : new TreeMap<>(t.states()).entrySet()) {
                long count = e.getValue() == null ? 0 : e.getValue();
                states.put(e.getKey(), count);
                total += count;
                agents.merge(e.getKey(), count, Long::sum);
            }
            n.put("agents", total);
            n.put("occupancy", t.occupancy());
            n.put("occupancyStatus", targets.occupancy().status(t.occupancy()).css());
            n.put("occupancyLast60m", t.occupancyLast60m());
            n.put("occupancyLast60mStatus", targets.occupancy().status(t.occupancyLast60m()).css());
        }

        ObjectNode totals = root.putObject("totals");
        totals.put("waiting", waiting);
        totals.put("backlog", backlog);
        totals.put("longestWaitS", longest);
        totals.put("longestWaitStatus", targets.longestWaitS().status(longest).css());
        ObjectNode agentStates = totals.putObject("agents");
        agents.forEach(agentStates::put);
        totals.set("interval", metrics(view.totals().interval(), targets));
        totals.set("last60m", metrics(view.totals().last60m(), targets));
        return root;
    }

    private static ObjectNode metrics(LiveView.Metrics m, Targets targets) {
        ObjectNode n = F.objectNode();
        if (m == null) {
            n.put("serviceLevelStatus", Status.NONE.css());
            n.put("abandonRateStatus", Status.NONE.css());
            n.put("duplicateRateStatus", Status.NONE.css());
            return n;
        }
        n.put("offered", m.offered());
        n.put("answered", m.answered());
        n.put("abandoned", m.abandoned());
        n.put("asaS", m.asaS());
        n.put("serviceLevel", m.serviceLevel());
        n.put("serviceLevelStatus", targets.serviceLevel().status(m.serviceLevel()).css());
        n.put("abandonRate", m.abandonRate());
        n.put("abandonRateStatus", targets.abandonRate().status(m.abandonRate()).css());
        n.put("duplicateRate", m.duplicateRate());
        n.put("duplicateRateStatus", targets.duplicateRate().status(m.duplicateRate()).css());
        n.put("diverted", m.diverted());
        n.put("closed", m.closed());
        if (m.occupancy() != null) {
            n.put("occupancy", m.occupancy());
            n.put("occupancyStatus", targets.occupancy().status(m.occupancy()).css());
        }
        return n;
    }

    private static ObjectNode targets(Targets t) {
        ObjectNode n = F.objectNode();
        n.put("serviceLevelGreen", t.serviceLevel().greenLow());
        n.put("serviceLevelAmber", t.serviceLevel().amberLow());
        n.put("abandonGreen", t.abandonRate().greenHigh());
        n.put("abandonAmber", t.abandonRate().amberHigh());
        n.put("occupancyAmberLow", t.occupancy().amberLow());
        n.put("occupancyGreenLow", t.occupancy().greenLow());
        n.put("occupancyGreenHigh", t.occupancy().greenHigh());
        n.put("occupancyAmberHigh", t.occupancy().amberHigh());
        n.put("duplicateGreen", t.duplicateRate().greenHigh());
        n.put("duplicateAmber", t.duplicateRate().amberHigh());
        n.put("longestWaitGreenS", t.longestWaitS().greenHigh());
        n.put("longestWaitAmberS", t.longestWaitS().amberHigh());
        return n;
    }

    private static boolean defined(Double value) {
        return value != null && Double.isFinite(value);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
