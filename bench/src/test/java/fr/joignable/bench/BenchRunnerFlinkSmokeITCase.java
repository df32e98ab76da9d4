package fr.joignable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink benchmarks (KPI job bounded run, Kafka runs, live latency) in {@code --quick} mode: a
 * couple of days of simulator output, each job in a child JVM. About two minutes, hence an ITCase
 * ({@code mvn verify}); {@link BenchRunnerSmokeTest} covers the others in seconds.
 */
class BenchRunnerFlinkSmokeITCase {

    @TempDir Path tmp;

    @Test
    void quickFlinkRunsGivePositiveFigures() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRunner.Outcome o =
                BenchRunner.run(
                        new String[] {
                            "--quick",
                            "--only",
                            String.join(",", BenchRunner.FLINK),
                            "--no-write",
                            "--work",
                            tmp.toString()
                        },
                        new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(o.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        for (String name : BenchRunner.FLINK) {
            List<Row> rows = o.rows().stream().filter(r -> r.benchmark().equals(name)).toList();
            assertThat(rows).as(name).isNotEmpty();
            assertThat(rows)
                    .as(name)
                    .allSatisfy(r -> assertThat(r.value()).isPositive().isFinite());
            assertThat(rows).as(name + " has a ratio").anyMatch(Row::isRatio);
        }
    }
}
