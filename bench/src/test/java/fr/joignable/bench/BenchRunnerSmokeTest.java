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

/** The harness cannot rot: a quick run of every benchmark gives positive figures and a report. */
class BenchRunnerSmokeTest {

    @TempDir Path tmp;

    @Test
    void quickRunGivesPositiveFiguresForEveryBenchmark() throws Exception {
        Path md = tmp.resolve("benchmarks.md");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRunner.Outcome o =
                BenchRunner.run(
                        new String[] {
                            "--quick", "--out", md.toString(), "--work", tmp.resolve("w").toString()
                        },
                        new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(o.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        for (String name : BenchRunner.ALL) {
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
}
