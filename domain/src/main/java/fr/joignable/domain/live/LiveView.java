package fr.joignable.domain.live;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One live-view snapshot ({@code docs/live-view.md}): the one definition of the JSON the KPI job
 * publishes on the live-view topic and the wallboard reads and serves again ({@code /api/live}).
 *
 * <p>Only the documented fields exist: anything else in a JSON input is dropped when it is parsed,
 * so what is written again holds nothing but these fields (no tenant identifier can slip through).
 * Counts and rates are boxed: {@code null} when absent or undefined (a rate whose denominator is
 * 0). Fields added later are added at the end of a record, so older readers (which ignore unknown
 * fields) keep working.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LiveView(
        String asOf,
        String emittedAt,
        String intervalStart,
        List<Queue> queues,
        List<Team> teams,
        Totals totals) {

    public LiveView {
        checkInstant("asOf", asOf);
        checkInstant("emittedAt", emittedAt);
        checkInstant("intervalStart", intervalStart);
        queues = queues == null ? List.of() : List.copyOf(queues);
        teams = teams == null ? List.of() : List.copyOf(teams);
        totals = totals == null ? new Totals(null, null) : totals;
    }

    /** {@code emittedAt} as an instant, {@code null} when absent. */
    public Instant emittedAtInstant() {
        return emittedAt == null ? null : Instant.parse(emittedAt);
    }

    /** {@code asOf} as an instant, {@code null} when absent. */
    public Instant asOfInstant() {
        return asOf == null ? null : Instant.parse(asOf);
    }

    private static void checkInstant(String field, String value) {
        if (value != null) {
            try {
                Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " is not an ISO-8601 instant");
            }
        }
    }

    /**
     * Per queue: live contacts waiting now, the age of the oldest of them at {@code asOf} (0 when
     * none), the deferred backlog, and the metrics of the running interval and the last 60 minutes.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(
            String queue,
            Long waiting,
            Double longestWaitS,
            Long backlog,
            Metrics interval,
            Metrics last60m) {}

    /** Per team: agents in each state now (logged-out omitted) and occupancy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(
            String team, Map<String, Long> states, Double occupancy, Double occupancyLast60m) {
        public Team {
            states = states == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(states));
        }
    }

    /** The whole centre: the running interval and the last 60 minutes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(Metrics interval, Metrics last60m) {}

    /**
     * The contact metrics of {@code docs/kpis.md} over the contacts offered in a window; {@code
     * occupancy} only in {@code totals.last60m}. {@code diverted}: contacts turned away by the
     * system ({@code CONTACT_DIVERTED}, any reason), {@code closed} the ones of them diverted
     * because the centre was closed (left out of the service-level and abandon-rate denominators).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(
            Long offered,
            Long answered,
            Long shortAbandoned,
            Long abandoned,
            Long answeredInSl,
            Double serviceLevel,
            Double abandonRate,
            Double asaS,
            Long identified,
            Long duplicates,
            Long duplicatesAfterAbandon,
            Double duplicateRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double occupancy,
            Long diverted,
            Long closed) {

        /** The same metrics with {@code occupancy} set (the centre's last 60 minutes). */
        public Metrics withOccupancy(Double value) {
            return new Metrics(
                    offered,
                    answered,
                    shortAbandoned,
                    abandoned,
                    answeredInSl,
                    serviceLevel,
                    abandonRate,
                    asaS,
                    identified,
                    duplicates,
                    duplicatesAfterAbandon,
                    duplicateRate,
                    value,
                    diverted,
                    closed);
        }
    }

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Parses a snapshot; {@link IOException} when it is not a JSON object of this shape. */
    public static LiveView parse(byte[] utf8Json) throws IOException {
        LiveView view;
        try {
            view = JSON.readValue(utf8Json, LiveView.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (view == null) {
            throw new IOException("empty snapshot");
        }
        return view;
    }

    /** The snapshot as JSON, documented fields only. */
    public String toJson() {
        try {
            ObjectNode tree = JSON.valueToTree(this);
            // occupancy belongs to totals.last60m only, where it is written even when null
            if (tree.path("totals").path("last60m") instanceof ObjectNode last
                    && !last.has("occupancy")) {
                last.putNull("occupancy");
            }
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
