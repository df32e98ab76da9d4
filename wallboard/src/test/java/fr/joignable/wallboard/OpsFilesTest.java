package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped operations files: {@code ops/grafana/joignable.json} has the shape Grafana imports (a
 * dashboard model with unique panel ids, grid positions, a Prometheus datasource variable, PromQL
 * targets naming only metrics Joignable or Flink export) and {@code ops/prometheus/alerts.yml}
 * passes {@code promtool check rules} (skipped, with a message, when promtool is not installed:
 * {@code apt-get install -y prometheus}).
 */
class OpsFilesTest {

    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern METRIC =
            Pattern.compile("\\b((?:joignable|flink|process|jvm)_[a-zA-Z0-9_]+|up)\\b");

    @Test
    void theDashboardIsAGrafanaDashboardModel() throws IOException {
        JsonNode d = new ObjectMapper().readTree(OPS.resolve("grafana/joignable.json").toFile());
        assertThat(d.path("title").asText()).isNotBlank();
        assertThat(d.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(d.path("panels").isArray()).isTrue();
        List<String> variables = new ArrayList<>();
        d.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).contains("datasource", "queue", "window");
        Set<Integer> ids = new HashSet<>();
        Set<String> rows = new HashSet<>();
        int targets = 0;
        for (JsonNode p : d.path("panels")) {
            assertThat(ids.add(p.path("id").asInt())).as("unique panel id").isTrue();
            JsonNode g = p.path("gridPos");
            assertThat(g.path("w").asInt()).isBetween(1, 24);
            assertThat(g.path("x").asInt() + g.path("w").asInt()).isLessThanOrEqualTo(24);
            assertThat(g.path("h").asInt()).isPositive();
            assertThat(p.path("type").asText()).isIn("row", "stat", "timeseries", "gauge", "table");
            if (p.path("type").asText().equals("row")) {
                rows.add(p.path("title").asText());
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            for (JsonNode t : p.path("targets")) {
                String expr = t.path("expr").asText();
                assertThat(expr).as(p.path("title").asText()).isNotBlank();
                assertThat(balanced(expr)).as("brackets of " + expr).isTrue();
                Matcher m = METRIC.matcher(expr);
                assertThat(m.find()).as("a metric in " + expr).isTrue();
                targets++;
            }
        }
        assertThat(rows)
                .anyMatch(r -> r.startsWith("Supervisors"))
                .anyMatch(r -> r.startsWith("Operators"));
        assertThat(targets).isGreaterThan(15);
    }

    @Test
    void theDashboardUsesOnlyExportedJoignableMetrics() throws IOException {
        String dashboard = Files.readString(OPS.resolve("grafana/joignable.json"));
        String alerts = Files.readString(OPS.resolve("prometheus/alerts.yml"));
        String exported = PrometheusMetricsAccess.sampleExposition();
        StringBuilder jobSources = new StringBuilder();
        try (var files = Files.list(Path.of("..", "jobs/src/main/java/fr/joignable/jobs"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                jobSources.append(Files.readString(f));
            }
        }
        String jobMetrics = jobSources.toString();
        for (String text : List.of(dashboard, alerts)) {
            Matcher m = METRIC.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("flink_taskmanager_job_task_operator_joignable_")) {
                    String metric = name.substring(name.lastIndexOf('_') + 1);
                    assertThat(jobMetrics.contains("\"" + metric + "\"")).as(name).isTrue();
                } else if (name.startsWith("joignable_")
                        || name.startsWith("process_")
                        || name.startsWith("jvm_")) {
                    assertThat(exported.contains("# TYPE " + name + " ")).as(name).isTrue();
                }
            }
        }
    }

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        Optional<Path> promtool = promtool();
        assumeThat(promtool)
                .as("promtool not installed (apt-get install -y prometheus): check skipped")
                .isPresent();
        Process p =
                new ProcessBuilder(
                                promtool.get().toString(),
                                "check",
                                "rules",
                                OPS.resolve("prometheus/alerts.yml").toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    private static boolean balanced(String expr) {
        int round = 0;
        int curly = 0;
        int square = 0;
        for (char c : expr.toCharArray()) {
            switch (c) {
                case '(' -> round++;
                case ')' -> round--;
                case '{' -> curly++;
                case '}' -> curly--;
                case '[' -> square++;
                case ']' -> square--;
                default -> {}
            }
            if (round < 0 || curly < 0 || square < 0) {
                return false;
            }
        }
        return round == 0 && curly == 0 && square == 0;
    }

    static Optional<Path> promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
