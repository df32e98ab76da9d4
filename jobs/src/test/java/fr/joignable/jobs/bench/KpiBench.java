package fr.joignable.jobs.bench;

import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.FileKpiRun;
import fr.joignable.jobs.RunSummary;
import fr.joignable.jobs.TestEvents;
import fr.joignable.jobs.io.JsonlEventFormat;
import fr.joignable.jobs.model.Ev;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Speed of the bounded KPI run against a pass-through Flink job (read + parse + discard) over the
 * same file, in the same JVM. Not a test: run it as a main class.
 *
 * <pre>java -cp ... fr.joignable.jobs.bench.KpiBench [DAYS] [CONTACTS_PER_DAY] [WORKDIR]</pre>
 */
public final class KpiBench {

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 1100;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench");
        Files.createDirectories(work);
        Path file = work.resolve("events.jsonl");
        long events = generate(file, days, perDay);
        System.out.printf(
                Locale.ROOT, "input: %d lines, %.0f MB%n", events, Files.size(file) / 1e6);

        // warm-up on a slice would distort less, but the job's fixed cost is part of a real run
        long t0 = System.nanoTime();
        long passed = passThrough(file);
        double passS = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        RunSummary summary =
                FileKpiRun.run(List.of(file), work.resolve("out"), true, new Configuration());
        double kpiS = (System.nanoTime() - t1) / 1e9;

        System.out.printf(
                Locale.ROOT,
                "pass-through: %d events in %.1f s = %.0f events/s%n",
                passed,
                passS,
                passed / passS);
        System.out.printf(
                Locale.ROOT,
                "kpi run:      %d events in %.1f s = %.0f events/s%n",
                summary.read(),
                kpiS,
                summary.read() / kpiS);
        System.out.printf(Locale.ROOT, "ratio kpi/pass-through: %.2f%n", passS / kpiS);
        System.out.print(summary.format());
    }

    static long generate(Path file, int days, int perDay) throws Exception {
        long n = 0;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        TestEvents gen = new TestEvents(2025);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            // the whole period at once: lines are ordered over the whole file (chunks would
            // put one chunk's future answers before the next chunk's offers and make them late)
            List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, days, perDay));
            all.addAll(gen.agents(start, days, 24));
            List<byte[]> lines = gen.lines(all, true);
            all.clear();
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
                n++;
            }
        }
        return n;
    }

    static long passThrough(Path file) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        FileSource<Ev> source =
                FileSource.forRecordStreamFormat(
                                new JsonlEventFormat(),
                                new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri()))
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "events")
                .map(
                        new org.apache.flink.api.common.functions.RichMapFunction<Ev, Ev>() {
                            @Override
                            public Ev map(Ev e) {
                                getRuntimeContext().getLongCounter("n").add(1);
                                return e;
                            }
                        })
                .sinkTo(new DiscardingSink<>());
        JobExecutionResult r = env.execute("pass-through");
        return ((Number) r.getAccumulatorResult("n")).longValue();
    }
}
