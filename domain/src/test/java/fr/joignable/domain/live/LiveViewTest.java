package fr.joignable.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one snapshot record: what the job writes is what the wallboard reads, nothing more. */
class LiveViewTest {

    static LiveView.Metrics metrics(long offered, long diverted, long closed) {
        return new LiveView.Metrics(
                offered, 1L, 0L, 0L, 1L, 0.5, 0.0, 12.5, 2L, 0L, 0L, 0.0, null, diverted, closed);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        LiveView v =
                new LiveView(
                        "2026-10-05T08:15:03.120Z",
                        "2026-11-28T12:00:00.512Z",
                        "2026-10-05T08:15:00Z",
                        List.of(
                                new LiveView.Queue(
                                        "LOYERS",
                                        3L,
                                        45.2,
                                        12L,
                                        metrics(4, 1, 1),
                                        metrics(9, 2, 1))),
                        List.of(new LiveView.Team("EQUIPE_A", Map.of("BUSY", 5L), 0.81, null)),
                        new LiveView.Totals(
                                metrics(4, 1, 1), metrics(9, 2, 1).withOccupancy(0.79)));
        LiveView back = LiveView.parse(v.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(v);
        JsonNode n = LiveView.json().readTree(v.toJson());
        assertThat(n.at("/queues/0/last60m/diverted").asLong()).isEqualTo(2);
        assertThat(n.at("/queues/0/interval").has("occupancy")).isFalse();
        assertThat(n.at("/totals/last60m/occupancy").asDouble()).isEqualTo(0.79);
        assertThat(n.at("/teams/0/occupancyLast60m").isNull()).isTrue();
    }

    @Test
    void readsAnOlderSnapshotAndDropsWhatIsNotDocumented() throws IOException {
        String older =
                "{\"asOf\":\"2026-10-05T08:15:03Z\",\"tenantId\":\"T-1\",\"queues\":[{\"queue\":"
                        + "\"LOYERS\",\"waiting\":1,\"interval\":{\"offered\":1}}]}";
        LiveView v = LiveView.parse(older.getBytes(StandardCharsets.UTF_8));
        assertThat(v.queues().get(0).interval().diverted()).isNull();
        assertThat(v.toJson()).doesNotContain("T-1").doesNotContain("tenantId");
        assertThat(v.teams()).isEmpty();
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThatThrownBy(() -> LiveView.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(
                        () ->
                                LiveView.parse(
                                        "{\"asOf\":\"yesterday\"}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
