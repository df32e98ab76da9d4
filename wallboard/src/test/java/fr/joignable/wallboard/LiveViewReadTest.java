package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.live.LiveView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveViewReadTest {

    @Test
    void keepsOnlyTheDocumentedFields() throws IOException {
        LiveView view =
                Samples.view(
                        Instant.parse("2026-10-05T08:15:03.120Z"),
                        Instant.parse("2026-11-28T12:00:00.500Z"),
                        3);
        String json = view.toJson();
        assertThat(json).doesNotContain("tenant").doesNotContain("T-123456");
        JsonNode n = LiveView.json().readTree(json);
        assertThat(n.get("asOf").asText()).isEqualTo("2026-10-05T08:15:03.120Z");
        assertThat(n.at("/queues/0/waiting").asLong()).isEqualTo(3);
        assertThat(n.at("/queues/0/interval/answeredInSl").asLong()).isEqualTo(10);
        assertThat(n.at("/queues/4/interval/serviceLevel").isNull()).isTrue();
        assertThat(n.at("/teams/0/states/BUSY").asLong()).isEqualTo(5);
        assertThat(n.at("/totals/last60m/occupancy").asDouble()).isEqualTo(0.83);
        assertThat(n.at("/totals/interval").has("occupancy")).isFalse();
    }

    @Test
    void writesAnUndefinedCentreOccupancyAsNull() throws IOException {
        String snapshot =
                "{\"asOf\":\"2026-10-05T08:15:03Z\",\"queues\":[],\"teams\":[],"
                        + "\"totals\":{\"interval\":{\"offered\":1},"
                        + "\"last60m\":{\"offered\":1,\"occupancy\":null}}}";
        JsonNode n =
                LiveView.json()
                        .readTree(
                                LiveView.parse(snapshot.getBytes(StandardCharsets.UTF_8)).toJson());
        assertThat(n.at("/totals/last60m").has("occupancy")).isTrue();
        assertThat(n.at("/totals/last60m/occupancy").isNull()).isTrue();
        assertThat(n.at("/totals/interval").has("occupancy")).isFalse();
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThatThrownBy(() -> LiveView.parse("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> LiveView.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(
                        () ->
                                LiveView.parse(
                                        "{\"asOf\":\"yesterday\"}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(
                        () ->
                                LiveView.parse(
                                        "{\"queues\":[{\"waiting\":\"many\"}]}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theProductionTimeIsEmittedAtElseTheArrival() {
        Instant arrival = Instant.parse("2026-11-28T12:00:09Z");
        LiveView withEmitted =
                Samples.view(Instant.EPOCH, Instant.parse("2026-11-28T12:00:01Z"), 0);
        assertThat(LiveSnapshot.of(withEmitted, arrival).producedAt())
                .isEqualTo(Instant.parse("2026-11-28T12:00:01Z"));
        LiveView without = new LiveView(null, null, null, null, null, null);
        assertThat(LiveSnapshot.of(without, arrival).producedAt()).isEqualTo(arrival);
    }
}
