package fr.joignable.wallboard;

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
 * and {@code # TYPE} per family, escaped label values. An undefined value (a rate whose denominator
 * is 0, a missing field) is left out, never written as {@code NaN}.
 *
 * <p>Naming follows Prometheus' conventions: base units in the name ({@code _seconds}, {@code
 * _bytes}), {@code _ratio} for shares from 0 to 1, {@code _timestamp_seconds} for points in time,
 * {@code _total} only for counters (values that never reset: the window counts reset at each
 * interval and are gauges). Every ratio comes with its numerator and denominator so PromQL can
 * aggregate across queues, e.g. the centre's service level over two queues:
 *
 * <pre>
 * sum(joignable_answered_in_sl_contacts{window="60m"})
 *   / (sum(joignable_offered_contacts{window="60m"}) - sum(joignable_short_abandoned_contacts{window="60m"}))
 * </pre>
 *
 * Also {@code joignable_build_info} and the JVM/process metrics of {@link ProcessMetrics}. To add a
 * field: one {@link #family} call (name, help) and one {@code add} per sample.
 */
public final class PrometheusMetrics {

    /** The {@code Content-Type} of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String[] WINDOWS = {"interval", "60m"};

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusMetrics() {}

    /** Renders the metrics of {@code latest} at {@code now}, then the build and process ones. */
    public static String render(Optional<LiveSnapshot> latest, Instant now) {
        PrometheusMetrics m = new PrometheusMetrics();
        m.snapshotOnly(latest, now);
        ProcessMetrics.addTo(m);
        return m.text();
    }

    /** Only the snapshot's families (tests). */
    static String renderSnapshot(Optional<LiveSnapshot> latest, Instant now) {
        PrometheusMetrics m = new PrometheusMetrics();
        m.snapshotOnly(latest, now);
        return m.text();
    }

    private void snapshotOnly(Optional<LiveSnapshot> latest, Instant now) {
        family("joignable_snapshot_present", "1 when the wallboard holds a live-view snapshot.")
                .add(Map.of(), latest.isPresent() ? 1 : 0);
        if (latest.isPresent()) {
            snapshot(latest.get(), now);
        }
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
                            "joignable_snapshot_as_of_timestamp_seconds",
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
        Window queues = new Window(this, "");
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
                if (windows[i] != null) {
                    queues.add(labels("queue", q.queue(), "window", WINDOWS[i]), windows[i]);
                }
            }
        }
        LiveView.Metrics[] totals = {view.totals().interval(), view.totals().last60m()};
        Window centre = new Window(this, "centre_");
        Family centreOccupancy =
                family(
                        "joignable_centre_occupancy_ratio",
                        "Occupancy of all agents (handling time over logged-in available time).");
        for (int i = 0; i < WINDOWS.length; i++) {
            LiveView.Metrics w = totals[i];
            if (w == null) {
                continue;
            }
            Map<String, String> labels = Map.of("window", WINDOWS[i]);
            centre.add(labels, w);
            centreOccupancy.add(labels, w.occupancy());
        }
        Family agents =
                family("joignable_agents", "Agents in each state now (logged-out omitted).");
        Family occupancy =
                family(
                        "joignable_occupancy_ratio",
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

    /**
     * The families of one window's {@link LiveView.Metrics}: counts (numerators and denominators)
     * and the ratios of {@code docs/kpis.md} built from them.
     */
    private static final class Window {
        final Family offered;
        final Family answered;
        final Family answeredInSl;
        final Family shortAbandoned;
        final Family abandoned;
        final Family identified;
        final Family duplicates;
        final Family sl;
        final Family abandon;
        final Family duplicate;
        final Family asa;
        final Family diverted;
        final Family closed;

        Window(PrometheusMetrics m, String scope) {
            String p = "joignable_" + scope;
            String of = scope.isEmpty() ? "" : " (whole centre)";
            offered =
                    m.family(
                            p + "offered_contacts",
                            "Contacts offered in the window, so far" + of + ".");
            answered =
                    m.family(
                            p + "answered_contacts",
                            "Contacts answered in the window, so far" + of + ".");
            answeredInSl =
                    m.family(
                            p + "answered_in_sl_contacts",
                            "Contacts answered within the service-level threshold" + of + ".");
            shortAbandoned =
                    m.family(
                            p + "short_abandoned_contacts",
                            "Contacts abandoned before the short-abandon threshold" + of + ".");
            abandoned =
                    m.family(
                            p + "abandoned_contacts",
                            "Contacts abandoned after the short-abandon threshold" + of + ".");
            identified =
                    m.family(p + "identified_contacts", "Contacts with a known tenant" + of + ".");
            duplicates =
                    m.family(
                            p + "duplicate_contacts",
                            "Identified contacts repeating an earlier one" + of + ".");
            sl =
                    m.family(
                            p + "service_level_ratio",
                            "answered_in_sl / (offered - short_abandoned - closed), 0 to 1"
                                    + of
                                    + ".");
            abandon =
                    m.family(
                            p + "abandon_ratio",
                            "abandoned / (offered - short_abandoned - closed), 0 to 1" + of + ".");
            duplicate =
                    m.family(p + "duplicate_ratio", "duplicates / identified, 0 to 1" + of + ".");
            asa =
                    m.family(
                            p + "average_speed_of_answer_seconds",
                            "Average wait of the answered contacts" + of + ".");
            diverted =
                    m.family(
                            p + "diverted_contacts",
                            "Contacts turned away by the system (CONTACT_DIVERTED, any reason)"
                                    + of
                                    + ".");
            closed =
                    m.family(
                            p + "closed_contacts",
                            "Of those, contacts that reached the centre while closed" + of + ".");
        }

        void add(Map<String, String> labels, LiveView.Metrics w) {
            offered.add(labels, w.offered());
            answered.add(labels, w.answered());
            answeredInSl.add(labels, w.answeredInSl());
            shortAbandoned.add(labels, w.shortAbandoned());
            abandoned.add(labels, w.abandoned());
            identified.add(labels, w.identified());
            duplicates.add(labels, w.duplicates());
            sl.add(labels, w.serviceLevel());
            abandon.add(labels, w.abandonRate());
            duplicate.add(labels, w.duplicateRate());
            asa.add(labels, w.asaS());
            diverted.add(labels, w.diverted());
            closed.add(labels, w.closed());
        }
    }

    private static Map<String, String> labels(String k1, String v1, String k2, String v2) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(k1, v1);
        labels.put(k2, v2);
        return labels;
    }

    /** A gauge family (created on first use; families without samples are not written). */
    Family family(String name, String help) {
        return families.computeIfAbsent(name, n -> new Family(n, help, "gauge"));
    }

    /** A counter family: the name ends in {@code _total}. */
    Family counter(String name, String help) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        return families.computeIfAbsent(name, n -> new Family(n, help, "counter"));
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
            out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
            for (String sample : f.samples) {
                out.append(sample).append('\n');
            }
        }
        return out.toString();
    }

    static final class Family {
        final String name;
        final String help;
        final String type;
        final List<String> samples = new ArrayList<>();

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
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
