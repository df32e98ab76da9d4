package fr.joignable.cli.wallboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One live-view snapshot as published by the KPI job ({@code docs/live-view.md}).
 *
 * <p>Only the documented fields are read: anything else in the JSON is dropped, so whatever the
 * wallboard serves again ({@code /api/live}) holds nothing but these fields (no tenant identifier
 * can slip through). Counts and rates are boxed: {@code null} when absent or undefined.
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

    private static void checkInstant(String field, String value) {
        if (value != null) {
            try {
                Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " is not an ISO-8601 instant");
            }
        }
    }

    /** Per queue: waiting contacts now, the longest current wait, the backlog and the metrics. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(
            String queue,
            Long waiting,
            Double longestWaitS,
            Long backlog,
            Metrics interval,
            Metrics last60m) {}

    /** Per team: agents in each state now and occupancy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(
            String team, Map<String, Long> states, Double occupancy, Double occupancyLast60m) {
        public Team {
            states = states == null ? Map.of() : states;
        }
    }

    /** The whole centre: the running interval and the last 60 minutes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(Metrics interval, Metrics last60m) {}

    /**
     * The contact metrics of {@code docs/kpis.md}; {@code occupancy} only in {@code
     * totals.last60m}.
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
            @JsonInclude(JsonInclude.Include.NON_NULL) Double occupancy) {}

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    /** The shared mapper (thread-safe once configured). */
    static ObjectMapper json() {
        return JSON;
    }

    /** Parses a snapshot; {@link IOException} when it is not a JSON object of this shape. */
    public static LiveView parse(byte[] utf8Json) throws IOException {
        LiveView view = JSON.readValue(utf8Json, LiveView.class);
        if (view == null) {
            throw new IOException("empty snapshot");
        }
        return view;
    }

    /** The snapshot as JSON, documented fields only. */
    public String toJson() {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.valueToTree(this);
            // occupancy belongs to totals.last60m only, where it is written even when null
            if (tree.path("totals").path("last60m")
                            instanceof com.fasterxml.jackson.databind.node.ObjectNode last
                    && !last.has("occupancy")) {
                last.putNull("occupancy");
            }
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
