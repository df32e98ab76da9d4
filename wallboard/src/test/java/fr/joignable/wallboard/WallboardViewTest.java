package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.targets.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WallboardViewTest {

    private static final Instant AS_OF = Instant.parse("2026-10-05T08:15:03.120Z");
    private static final Instant EMITTED = Instant.parse("2026-11-28T12:00:00.500Z");

    private static JsonNode build(Instant now) {
        return WallboardView.build(
                Optional.of(LiveSnapshot.of(Samples.view(AS_OF, EMITTED, 3), now)),
                Targets.DEFAULTS,
                now);
    }

    @Test
    void coloursEachFigureAgainstItsTarget() {
        JsonNode v = build(EMITTED.plusSeconds(1));
        assertThat(v.get("state").asText()).isEqualTo("live");
        JsonNode loyers = v.get("queues").get(0);
        assertThat(loyers.get("queue").asText()).isEqualTo("LOYERS");
        assertThat(loyers.get("longestWaitStatus").asText()).isEqualTo("amber"); // 45.2 s
        assertThat(loyers.at("/interval/serviceLevelStatus").asText()).isEqualTo("amber"); // 0.7857
        assertThat(loyers.at("/last60m/serviceLevelStatus").asText()).isEqualTo("green"); // 0.807
        assertThat(loyers.at("/interval/abandonRateStatus").asText()).isEqualTo("amber"); // 0.0714
        assertThat(loyers.at("/last60m/duplicateRateStatus").asText()).isEqualTo("green"); // 0.08
        JsonNode technique = v.get("queues").get(1);
        assertThat(technique.get("longestWaitStatus").asText()).isEqualTo("red"); // 96 s
        assertThat(technique.at("/interval/serviceLevelStatus").asText()).isEqualTo("red"); // 0.29
        assertThat(technique.at("/last60m/duplicateRateStatus").asText()).isEqualTo("amber");
        JsonNode proximite = v.get("queues").get(4);
        assertThat(proximite.at("/interval/serviceLevelStatus").asText()).isEqualTo("none");
        assertThat(proximite.at("/interval/serviceLevel").isNull()).isTrue();
        JsonNode teamB = v.get("teams").get(1);
        assertThat(teamB.get("occupancyStatus").asText()).isEqualTo("red"); // 0.95
        assertThat(teamB.get("occupancyLast60mStatus").asText()).isEqualTo("amber"); // 0.90
        assertThat(v.get("teams").get(2).get("occupancyStatus").asText())
                .isEqualTo("red"); // 0.55: under-used, red as in the report
        assertThat(v.get("teams").get(2).get("occupancyLast60mStatus").asText()).isEqualTo("none");
        assertThat(v.at("/totals/last60m/occupancyStatus").asText()).isEqualTo("green"); // 0.83
    }

    @Test
    void thePhoneTargetOfJoignableYamlChangesTheColours(@TempDir Path dir) throws Exception {
        // LOYERS' interval service level is 0.7857: amber under the default 80/20 (green from
        // 0.80), green under a 75/20 target, red under 90/20 (amber from 0.80).
        Path lower =
                Files.writeString(
                        dir.resolve("lower.yaml"), "channels:\n  PHONE: {service_level: 75/20}\n");
        Path higher =
                Files.writeString(
                        dir.resolve("higher.yaml"), "channels:\n  PHONE: {service_level: 90/20}\n");
        Instant now = EMITTED.plusSeconds(1);
        var snapshot = Optional.of(LiveSnapshot.of(Samples.view(AS_OF, EMITTED, 3), now));
        String path = "/queues/0/interval/serviceLevelStatus";
        assertThat(WallboardView.build(snapshot, Targets.DEFAULTS, now).at(path).asText())
                .isEqualTo("amber");
        assertThat(
                        WallboardView.build(
                                        snapshot, Targets.from(JoignableConfig.read(lower)), now)
                                .at(path)
                                .asText())
                .isEqualTo("green");
        assertThat(
                        WallboardView.build(
                                        snapshot, Targets.from(JoignableConfig.read(higher)), now)
                                .at(path)
                                .asText())
                .isEqualTo("red");
    }

    @Test
    void sumsTheCentre() {
        JsonNode v = build(EMITTED);
        assertThat(v.at("/totals/waiting").asLong()).isEqualTo(3 + 7 + 0 + 1 + 0);
        assertThat(v.at("/totals/backlog").asLong()).isEqualTo(12 + 31 + 2 + 9 + 0);
        assertThat(v.at("/totals/longestWaitS").asDouble()).isEqualTo(96.0);
        assertThat(v.at("/totals/longestWaitStatus").asText()).isEqualTo("red");
        assertThat(v.at("/totals/agents/BUSY").asLong()).isEqualTo(5 + 7 + 2);
        assertThat(v.at("/totals/agents/READY").asLong()).isEqualTo(3 + 0 + 4);
        assertThat(v.get("teams").get(0).get("agents").asLong()).isEqualTo(11);
    }

    @Test
    void aSnapshotOlderThanFiveSecondsIsStale() {
        assertThat(build(EMITTED.plusMillis(5_000)).get("state").asText()).isEqualTo("live");
        JsonNode stale = build(EMITTED.plusMillis(5_100));
        assertThat(stale.get("state").asText()).isEqualTo("stale");
        assertThat(stale.get("ageS").asDouble()).isEqualTo(5.1);
        // a producer clock ahead of ours gives age 0, not a negative one
        assertThat(build(EMITTED.minusSeconds(3)).get("ageS").asDouble()).isZero();
    }

    @Test
    void beforeTheFirstSnapshotTheStateIsNone() {
        JsonNode v = WallboardView.build(Optional.empty(), Targets.DEFAULTS, EMITTED);
        assertThat(v.get("state").asText()).isEqualTo("none");
        assertThat(v.at("/targets/serviceLevelGreen").asDouble()).isEqualTo(0.80);
    }
}
