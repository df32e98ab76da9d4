package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} by Prometheus' conventions: checked by {@code promtool check metrics} when
 * promtool is installed (Debian: {@code apt-get install prometheus}), and always by the strict
 * checks below (types, suffixes, units, the numerators of every ratio).
 */
class MetricsConventionsTest {

    private static final Instant AS_OF = Instant.parse("2026-10-05T08:15:03.120Z");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:02.750Z");

    private static String render() {
        return PrometheusMetrics.render(
                Optional.of(LiveSnapshot.of(Samples.view(AS_OF, NOW.minusSeconds(2), 3), NOW)),
                NOW);
    }

    @Test
    void promtoolAcceptsTheMetrics() throws Exception {
        Optional<Path> promtool = Promtool.find();
        assumeThat(promtool)
                .as("promtool not installed (apt-get install -y prometheus): check skipped")
                .isPresent();
        Promtool.Result r = Promtool.run(promtool.get(), render(), "check", "metrics");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as("promtool's lint findings").isBlank();
    }

    @Test
    void namesTypesAndUnitsFollowTheConventions() {
        Map<String, String> types = new HashMap<>();
        for (String line : render().lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                types.put(p[2], p[3]);
            }
        }
        types.forEach(
                (name, type) -> {
                    assertThat(name).matches("[a-z_][a-z0-9_]*");
                    if (type.equals("counter")) {
                        assertThat(name).as("a counter").endsWith("_total");
                    } else {
                        assertThat(name).as("a gauge").doesNotEndWith("_total");
                    }
                    assertThat(name)
                            .as("rates are ratios")
                            .doesNotEndWith("_rate")
                            .doesNotContain("_rate_");
                });
        assertThat(types)
                .containsEntry("joignable_build_info", "gauge")
                .containsEntry("process_cpu_seconds_total", "counter")
                .containsEntry("jvm_memory_used_bytes", "gauge")
                .containsEntry("joignable_snapshot_as_of_timestamp_seconds", "gauge")
                .containsKeys(
                        "joignable_service_level_ratio",
                        "joignable_answered_in_sl_contacts",
                        "joignable_short_abandoned_contacts",
                        "joignable_offered_contacts",
                        "joignable_duplicate_contacts",
                        "joignable_identified_contacts",
                        "joignable_centre_service_level_ratio");
        assertThat(render()).contains("joignable_build_info{version=\"");
    }

    @Test
    void theServiceLevelIsItsNumeratorOverItsDenominator() {
        // aggregation in PromQL relies on it: sum(answered_in_sl) / (sum(offered) - sum(short))
        Map<String, Double> v = new HashMap<>();
        for (String line : render().lines().toList()) {
            if (!line.startsWith("#") && line.contains("queue=\"LOYERS\",window=\"60m\"")) {
                v.put(line.substring(0, line.indexOf('{')), Double.valueOf(line.split(" ")[1]));
            }
        }
        double sl =
                v.get("joignable_answered_in_sl_contacts")
                        / (v.get("joignable_offered_contacts")
                                - v.get("joignable_short_abandoned_contacts"));
        // the snapshot's ratios are rounded to 4 decimals (docs/live-view.md)
        assertThat(v.get("joignable_service_level_ratio")).isCloseTo(sl, within(5e-5));
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** Runs promtool with text on its standard input. */
    static final class Promtool {
        record Result(int exitCode, String output) {}

        static Optional<Path> find() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "promtool");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        static Result run(Path promtool, String stdin, String... args)
                throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>();
            command.add(promtool.toString());
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("promtool did not finish");
            }
            return new Result(p.exitValue(), out);
        }
    }
}
