package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.live.LiveView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    private static final Instant AS_OF = Instant.parse("2026-10-05T08:15:03.120Z");
    private static final Instant EMITTED = Instant.parse("2026-11-28T12:00:00.500Z");
    private static final Instant NOW = EMITTED.plusMillis(2_250);

    /** A sample line: name, optional labels, a number (no NaN, no Inf). */
    private static final Pattern SAMPLE =
            Pattern.compile(
                    "[a-z_]+(\\{[a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\""
                            + "(,[a-z_]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? -?[0-9][0-9.E-]*");

    private static String render() {
        return PrometheusMetrics.render(
                Optional.of(LiveSnapshot.of(Samples.view(AS_OF, EMITTED, 3), NOW)), NOW);
    }

    @Test
    void rendersGaugesWithLabels() {
        List<String> lines = render().lines().toList();
        assertThat(lines)
                .contains(
                        "joignable_snapshot_present 1",
                        "joignable_snapshot_age_seconds 2.25",
                        "joignable_snapshot_as_of_timestamp_seconds 1.79118810312E9",
                        "joignable_waiting_contacts{queue=\"LOYERS\"} 3",
                        "joignable_waiting_contacts{queue=\"TECHNIQUE\"} 7",
                        "joignable_longest_wait_seconds{queue=\"LOYERS\"} 45.2",
                        "joignable_longest_wait_seconds{queue=\"ACCUEIL\"} 0",
                        "joignable_backlog_contacts{queue=\"TECHNIQUE\"} 31",
                        "joignable_service_level_ratio{queue=\"LOYERS\",window=\"interval\"} 0.7857",
                        "joignable_service_level_ratio{queue=\"LOYERS\",window=\"60m\"} 0.807",
                        "joignable_abandon_ratio{queue=\"TECHNIQUE\",window=\"interval\"} 0.2857",
                        "joignable_duplicate_ratio{queue=\"TECHNIQUE\",window=\"60m\"} 0.1842",
                        "joignable_offered_contacts{queue=\"LOYERS\",window=\"60m\"} 58",
                        "joignable_centre_service_level_ratio{window=\"60m\"} 0.7752",
                        "joignable_centre_occupancy_ratio{window=\"60m\"} 0.83",
                        "joignable_agents{team=\"EQUIPE_A\",state=\"BUSY\"} 5",
                        "joignable_agents{team=\"EQUIPE_C\",state=\"NOT_READY\"} 1",
                        "joignable_occupancy_ratio{team=\"EQUIPE_B\",window=\"interval\"} 0.95",
                        "joignable_occupancy_ratio{team=\"EQUIPE_A\",window=\"60m\"} 0.78");
        assertThat(lines)
                .contains(
                        "# TYPE joignable_waiting_contacts gauge",
                        "# TYPE joignable_service_level_ratio gauge");
        assertThat(lines).anyMatch(l -> l.startsWith("# HELP joignable_waiting_contacts "));
    }

    @Test
    void everyLineIsACommentOrAWellFormedSampleAndFamiliesAreDeclaredOnce() {
        List<String> lines = render().lines().toList();
        for (String line : lines) {
            if (!line.startsWith("# ")) {
                assertThat(line).matches(SAMPLE);
            }
        }
        List<String> types = lines.stream().filter(l -> l.startsWith("# TYPE ")).toList();
        assertThat(types).doesNotHaveDuplicates();
        assertThat(lines.stream().filter(l -> l.startsWith("# HELP ")).count())
                .isEqualTo(types.size());
        // a family's samples follow its TYPE line
        String family = null;
        for (String line : lines) {
            if (line.startsWith("# TYPE ")) {
                family = line.split(" ")[2];
            } else if (!line.startsWith("#")) {
                assertThat(line).startsWith(family);
            }
        }
    }

    @Test
    void undefinedValuesAreLeftOutNotNaN() {
        String text = render();
        assertThat(text).doesNotContain("NaN").doesNotContain("Inf");
        // PROXIMITE's running interval has no offered contact: rates undefined, counts present
        assertThat(text)
                .doesNotContain(
                        "joignable_service_level_ratio{queue=\"PROXIMITE\",window=\"interval\"}")
                .doesNotContain("joignable_abandon_ratio{queue=\"PROXIMITE\",window=\"interval\"}")
                .contains("joignable_offered_contacts{queue=\"PROXIMITE\",window=\"interval\"} 0")
                .doesNotContain("joignable_occupancy_ratio{team=\"EQUIPE_C\",window=\"60m\"}")
                .contains("joignable_service_level_ratio{queue=\"PROXIMITE\",window=\"60m\"} 1");
    }

    @Test
    void labelValuesAreEscaped() throws IOException {
        String json =
                """
                {"queues":[{"queue":"A\\"B\\\\C\\nD","waiting":2,"longestWaitS":1.5,"backlog":0}],
                 "teams":[{"team":"É \\"1\\"","states":{"BUSY":1}}]}""";
        LiveView view = LiveView.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(view.queues().get(0).queue()).isEqualTo("A\"B\\C\nD");
        String text = PrometheusMetrics.render(Optional.of(LiveSnapshot.of(view, NOW)), NOW);
        assertThat(text)
                .contains("joignable_waiting_contacts{queue=\"A\\\"B\\\\C\\nD\"} 2")
                .contains("joignable_agents{team=\"É \\\"1\\\"\",state=\"BUSY\"} 1");
        assertThat(text.lines()).allMatch(l -> l.startsWith("#") || l.matches(SAMPLE.pattern()));
    }

    @Test
    void withoutASnapshotOnlyPresenceIsReported() {
        assertThat(PrometheusMetrics.renderSnapshot(Optional.empty(), NOW))
                .isEqualTo(
                        "# HELP joignable_snapshot_present 1 when the wallboard holds a live-view"
                                + " snapshot.\n"
                                + "# TYPE joignable_snapshot_present gauge\n"
                                + "joignable_snapshot_present 0\n");
    }

    @Test
    void valuesAreFormattedForPrometheus() {
        assertThat(PrometheusMetrics.formatValue(3L)).isEqualTo("3");
        assertThat(PrometheusMetrics.formatValue(2.0)).isEqualTo("2");
        assertThat(PrometheusMetrics.formatValue(0.8)).isEqualTo("0.8");
        assertThat(PrometheusMetrics.formatValue(1e-5)).isEqualTo("1.0E-5");
        assertThat(PrometheusMetrics.escapeHelp("a\\b\nc")).isEqualTo("a\\\\b\\nc");
    }
}
