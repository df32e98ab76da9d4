package fr.joignable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness cannot rot: a quick run of every benchmark that needs no Flink job gives positive
 * figures and a report, in seconds; {@code BenchRunnerFlinkSmokeITCase} does the same for the Flink
 * ones ({@code mvn verify}).
 */
class BenchRunnerSmokeTest {

    @TempDir Path tmp;

    @Test
    void quickRunGivesPositiveFiguresForEveryBenchmark() throws Exception {
        Path md = tmp.resolve("benchmarks.md");
        List<String> names =
                BenchRunner.ALL.stream().filter(n -> !BenchRunner.FLINK.contains(n)).toList();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRunner.Outcome o =
                BenchRunner.run(
                        new String[] {
                            "--quick",
                            "--only",
                            String.join(",", names),
                            "--out",
                            md.toString(),
                            "--work",
                            tmp.resolve("w").toString()
                        },
                        new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(o.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            List<Row> rows = o.rows().stream().filter(r -> r.benchmark().equals(name)).toList();
            assertThat(rows).as(name).isNotEmpty();
            assertThat(rows)
                    .as(name)
                    .allSatisfy(r -> assertThat(r.value()).isPositive().isFinite());
            assertThat(rows).as(name + " has a ratio").anyMatch(Row::isRatio);
        }
        String text = Files.readString(md);
        assertThat(text).contains("## Ratios (same run)", "cores: ", "JDK: ", "OS: ", "--quick");
    }

    @Test
    void jmhBenchmarksAreGenerated() throws Exception {
        assertThat(JmhSuite.listed())
                .contains(
                        "fr.joignable.bench.jmh.CodecBench.decodeValid",
                        "fr.joignable.bench.jmh.CodecBench.decodeRejected",
                        "fr.joignable.bench.jmh.CodecBench.encode",
                        "fr.joignable.bench.jmh.ErlangBench.erlangCSolve",
                        "fr.joignable.bench.jmh.ErlangBench.erlangCScan",
                        "fr.joignable.bench.jmh.ErlangBench.erlangASolve",
                        "fr.joignable.bench.jmh.ErlangBench.erlangAScan");
    }

    @Test
    void unknownOptionIsAUsageError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BenchRunner.run(new String[] {"--nope", "1"}, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--nope");
    }

    @Test
    void aSizeWithoutItsValueAndAnUnknownBenchmarkAreUsageErrors() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BenchRunner.run(new String[] {"--kpi-days"}, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kpi-days");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BenchRunner.run(new String[] {"--only", "nope"}, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown benchmark nope");
    }

    @Test
    void helpPrintsTheSizesAndRunsNothing() throws Exception {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        BenchRunner.Outcome o =
                BenchRunner.run(
                        new String[] {"--help"}, new java.io.PrintStream(log, true, "UTF-8"));
        assertThat(o.rows()).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("usage: ./bench/run", "--kpi-long-days", "--forecast-series");
    }
}
