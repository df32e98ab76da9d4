package fr.joignable.cli.wallboard;

import fr.joignable.domain.live.LiveView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest snapshot in the Prometheus text exposition format, version 0.0.4: one {@code # HELP}
 * and {@code # TYPE} per family, gauges with escaped label values. An undefined value (a rate whose
 * denominator is 0, a missing field) is left out, never written as {@code NaN}.
 */
public final class PrometheusMetrics {

    /** The {@code Content-Type} of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String[] WINDOWS = {"interval", "60m"};

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusMetrics() {}

    /** Renders the metrics of {@code latest} at {@code now}. */
    public static String render(Optional<LiveSnapshot> latest, Instant now) {
        PrometheusMetrics m = new PrometheusMetrics();
        m.family("joignable_snapshot_present", "1 when the wallboard holds a live-view snapshot.")
                .add(Map.of(), latest.isPresent() ? 1 : 0);
        if (latest.isPresent()) {
            m.snapshot(latest.get(), now);
        }
        return m.text();
    }

    private void snapshot(LiveSnapshot snapshot, Instant now) {
        LiveView view = snapshot.view();
        family(
                        "joignable_snapshot_age_seconds",
                        "Seconds since the newest live-view snapshot was produced.")
                .add(Map.of(), snapshot.ageSeconds(now));
        if (view.asOf() != null) {
            Instant asOf = Instant.parse(view.asOf());
            family(
                            "joignable_snapshot_as_of_seconds",
                            "Event time of the newest snapshot, seconds since the Unix epoch.")
                    .add(Map.of(), asOf.toEpochMilli() / 1000.0);
        }
        Family waiting =
                family(
                        "joignable_waiting_contacts",
                        "Live contacts (phone, chat) offered and not yet answered or abandoned.");
        Family longest =
                family(
                        "joignable_longest_wait_seconds",
                        "Age of the oldest waiting live contact; 0 when none waits.");
        Family backlog =
                family(
                        "joignable_backlog_contacts",
                        "Deferred contacts (email, letter, portal) not yet answered.");
        Family offered =
                family("joignable_offered_contacts", "Contacts offered in the window, so far.");
        Family answered =
                family("joignable_answered_contacts", "Contacts answered in the window, so far.");
        Family abandoned =
                family(
                        "joignable_abandoned_contacts",
                        "Contacts abandoned in the window (after the short-abandon threshold).");
        Family sl =
                family(
                        "joignable_service_level",
                        "Share of contacts answered within the threshold, 0 to 1.");
        Family abandon = family("joignable_abandon_rate", "Share of contacts abandoned, 0 to 1.");
        Family duplicate =
                family(
                        "joignable_duplicate_rate",
                        "Share of identified contacts that repeat an earlier one, 0 to 1.");
        Family asa =
                family("joignable_average_speed_of_answer_seconds", "Average speed of answer.");
        Family diverted =
                family(
                        "joignable_diverted_contacts",
                        "Contacts turned away by the system in the window (CONTACT_DIVERTED).");
        for (LiveView.Queue q : view.queues()) {
            if (q.queue() == null) {
                continue;
            }
            Map<String, String> queue = Map.of("queue", q.queue());
            waiting.add(queue, q.waiting());
            longest.add(queue, q.longestWaitS());
            backlog.add(queue, q.backlog());
            LiveView.Metrics[] windows = {q.interval(), q.last60m()};
            for (int i = 0; i < WINDOWS.length; i++) {
                LiveView.Metrics w = windows[i];
                if (w == null) {
                    continue;
                }
                Map<String, String> labels = labels("queue", q.queue(), "window", WINDOWS[i]);
                offered.add(labels, w.offered());
                answered.add(labels, w.answered());
                abandoned.add(labels, w.abandoned());
                sl.add(labels, w.serviceLevel());
                abandon.add(labels, w.abandonRate());
                duplicate.add(labels, w.duplicateRate());
                asa.add(labels, w.asaS());
                diverted.add(labels, w.diverted());
            }
        }
        LiveView.Metrics[] totals = {view.totals().interval(), view.totals().last60m()};
        Family centreSl =
                family(
                        "joignable_centre_service_level",
                        "Service level of the whole centre, 0 to 1.");
        Family centreAbandon =
                family(
                        "joignable_centre_abandon_rate",
                        "Abandon rate of the whole centre, 0 to 1.");
        Family centreDuplicate =
                family(
                        "joignable_centre_duplicate_rate",
                        "Duplicate rate of the whole centre, 0 to 1.");
        Family centreOccupancy =
                family(
                        "joignable_centre_occupancy",
                        "Occupancy of all agents (handling time over logged-in available time).");
        for (int i = 0; i < WINDOWS.length; i++) {
            LiveView.Metrics w = totals[i];
            if (w == null) {
                continue;
            }
            Map<String, String> labels = Map.of("window", WINDOWS[i]);
            centreSl.add(labels, w.serviceLevel());
            centreAbandon.add(labels, w.abandonRate());
            centreDuplicate.add(labels, w.duplicateRate());
            centreOccupancy.add(labels, w.occupancy());
        }
        Family agents =
                family("joignable_agents", "Agents in each state now (logged-out omitted).");
        Family occupancy =
                family(
                        "joignable_occupancy",
                        "Occupancy of a team's agents in the window, 0 to 1.");
        for (LiveView.Team t : view.teams()) {
            if (t.team() == null) {
                continue;
            }
            for (Map.Entry<String, Long> e : new TreeMap<>(t.states()).entrySet()) {
                agents.add(labels("team", t.team(), "state", e.getKey()), e.getValue());
            }
            occupancy.add(labels("team", t.team(), "window", "interval"), t.occupancy());
            occupancy.add(labels("team", t.team(), "window", "60m"), t.occupancyLast60m());
        }
    }

    private static Map<String, String> labels(String k1, String v1, String k2, String v2) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(k1, v1);
        labels.put(k2, v2);
        return labels;
    }

    private Family family(String name, String help) {
        return families.computeIfAbsent(name, n -> new Family(n, help));
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (Family f : families.values()) {
            if (f.samples.isEmpty()) {
                continue;
            }
            out.append("# HELP ")
                    .append(f.name)
                    .append(' ')
                    .append(escapeHelp(f.help))
                    .append('\n');
            out.append("# TYPE ").append(f.name).append(" gauge\n");
            for (String sample : f.samples) {
                out.append(sample).append('\n');
            }
        }
        return out.toString();
    }

    private static final class Family {
        final String name;
        final String help;
        final List<String> samples = new ArrayList<>();

        Family(String name, String help) {
            this.name = name;
            this.help = help;
        }

        void add(Map<String, String> labels, Number value) {
            if (value == null
                    || (value instanceof Double d && !Double.isFinite(d))
                    || labels.values().stream().anyMatch(v -> v == null)) {
                return;
            }
            StringBuilder s = new StringBuilder(name);
            if (!labels.isEmpty()) {
                s.append('{');
                boolean first = true;
                for (Map.Entry<String, String> e : labels.entrySet()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    s.append(e.getKey())
                            .append("=\"")
                            .append(escapeLabelValue(e.getValue()))
                            .append('"');
                }
                s.append('}');
            }
            s.append(' ').append(formatValue(value));
            samples.add(s.toString());
        }
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String escapeLabelValue(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A HELP text: backslash and line feed escaped. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Integers without a decimal point, other values in Java's shortest round-trip form. */
    static String formatValue(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return Long.toString(value.longValue());
        }
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
