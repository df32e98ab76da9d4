package fr.joignable.bench;

import fr.joignable.bench.jmh.CodecBench;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH micro-benchmarks of {@code fr.joignable.bench.jmh} from inside the runner and turns
 * their scores into rows: {@code codec} ({@link CodecBench}) and {@code erlang} ({@link
 * fr.joignable.bench.jmh.ErlangBench}, with the scan/solve ratios).
 */
public final class JmhSuite {

    /**
     * Iterations, their length and forks; the defaults of the annotations are 2 × 1 s, 3 × 1 s, 1.
     */
    public record Settings(int warmups, int iterations, long iterationMillis, int forks) {}

    static final String CODEC = "codec";
    static final String ERLANG = "erlang";
    private static final String PACKAGE = "fr.joignable.bench.jmh.";

    private JmhSuite() {}

    /** The benchmark methods JMH generated at compile time ({@code META-INF/BenchmarkList}). */
    public static List<String> listed() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in =
                JmhSuite.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            if (in == null) {
                return names;
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                // JMH S <n> <class> S <n> <generated class> S <n> <method> ...
                String[] t = line.split(" ");
                if (t.length > 9 && t[3].startsWith(PACKAGE)) {
                    names.add(t[3] + "." + t[9]);
                }
            }
        }
        return names;
    }

    public static List<Row> codec(Settings s) throws RunnerException {
        List<Row> rows = new ArrayList<>();
        Map<String, Double> score = run("CodecBench", s);
        double valid = score.get("decodeValid");
        double rejected = score.get("decodeRejected");
        double encode = score.get("encode");
        String line = "CONTACT_OFFERED line of " + CodecBench.VALID.length() + " bytes";
        rows.add(Row.ratio(CODEC, "decode valid / encode time, " + line, valid / encode, ""));
        rows.add(
                Row.ratio(
                        CODEC,
                        "decode rejected / decode valid time (unknown channel value)",
                        rejected / valid,
                        ""));
        rows.add(Row.of(CODEC, "decode a valid line, " + line, valid, "ns/op"));
        rows.add(Row.of(CODEC, "decode a rejected line", rejected, "ns/op"));
        rows.add(Row.of(CODEC, "encode an event", encode, "ns/op"));
        rows.add(Row.of(CODEC, "decode valid lines, 1 thread", 1e9 / valid, "events/s"));
        return rows;
    }

    public static List<Row> erlang(Settings s) throws RunnerException {
        List<Row> rows = new ArrayList<>();
        Map<String, Double> score = run("ErlangBench", s);
        List<Row> figures = new ArrayList<>();
        for (String model : List.of("C", "A")) {
            for (String a : List.of("10", "1000")) {
                double solve = score.get("erlang" + model + "Solve@" + a);
                double scan = score.get("erlang" + model + "Scan@" + a);
                String w = "Erlang " + model + " at A ≈ " + a + " (80/20, occupancy ≤ 0.85)";
                rows.add(
                        Row.ratio(
                                ERLANG,
                                "naive scan / square-root start time, " + w,
                                scan / solve,
                                "> 1: the square-root start is faster"));
                figures.add(
                        Row.of(ERLANG, "square-root start + local search, " + w, solve, "µs/op"));
                figures.add(Row.of(ERLANG, "naive scan, " + w, scan, "µs/op"));
            }
        }
        rows.addAll(figures);
        return rows;
    }

    /** Scores in the benchmark's own unit by {@code method} or {@code method@param}. */
    private static Map<String, Double> run(String benchClass, Settings s) throws RunnerException {
        ChainedOptionsBuilder b =
                new OptionsBuilder()
                        .include(PACKAGE.replace(".", "\\.") + benchClass + "\\.")
                        .warmupIterations(s.warmups())
                        .measurementIterations(s.iterations())
                        .warmupTime(TimeValue.milliseconds(s.iterationMillis()))
                        .measurementTime(TimeValue.milliseconds(s.iterationMillis()))
                        .forks(s.forks())
                        .shouldFailOnError(true)
                        .verbosity(VerboseMode.SILENT);
        if (s.forks() > 0) {
            b.jvmArgs("-Xmx1g");
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.') + 1);
            String erlangs = r.getParams().getParam("erlangs");
            if (erlangs != null) {
                label += "@" + erlangs;
            }
            double v = r.getPrimaryResult().getScore();
            if (!(v > 0)) {
                throw new IllegalStateException("no score for " + label);
            }
            scores.put(label, v);
        }
        return scores;
    }
}
