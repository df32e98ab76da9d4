package fr.joignable.jobs;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.jobs.io.JsonlEventFormat;
import fr.joignable.jobs.io.WholeFileSink;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.model.Problem;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code joignable kpi}: the KPI job over bounded JSON Lines files, in Flink's batch execution
 * mode: every aggregate is final at the end of the input, and the result does not depend on the
 * order of the lines or of the files. Nothing is late (unless {@link
 * KpiJobOptions#FILES_JUDGE_LATENESS} asks for the live rule, per file in line order); orphans are
 * judged on the whole input; batch mode sorts every keyed stage's input by key and event time, so
 * contacts and agents see their events in time order, and every tie is broken on the events'
 * content ({@code docs/kpi-job.md}). Writes the Parquet tables, optionally the two CSV files,
 * {@code rejected.jsonl} and {@code late.jsonl}, all complete or absent.
 */
public final class FileKpiRun {

    public static final List<String> TABLES =
            List.of("contact_intervals", "agent_intervals", "intent_intervals", "handoffs");

    /**
     * Input files (as stored, gzip or not) below this size are a small run: parallelism 1 unless
     * asked otherwise, and less managed memory. 4 MiB is about a month of one centre in gzip.
     */
    static final long SMALL_INPUT_BYTES = 4L << 20;

    private FileKpiRun() {}

    public static RunSummary run(List<Path> inputs, Path out, boolean csv, Configuration conf)
            throws Exception {
        try {
            return runOnce(inputs, out, csv, conf);
        } catch (Exception e) {
            String collision = SortKeys.collision(e);
            if (collision == null) {
                throw e;
            }
            // two ids shared a hashed sort key: the same run with string keys (SortKeys); the
            // tables are the same, the time about double, which the user is told
            System.err.println(rerunNotice(collision));
            Configuration strings = new Configuration(conf);
            strings.set(KpiJobOptions.FILES_HASHED_KEYS, false);
            return runOnce(inputs, out, csv, strings);
        }
    }

    /** The one line on stderr when a run is made again with string keys. */
    static String rerunNotice(String collision) {
        return "joignable kpi: "
                + collision
                + "; running again with string keys (same tables, about twice the time)";
    }

    private static RunSummary runOnce(List<Path> inputs, Path out, boolean csv, Configuration conf)
            throws Exception {
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new InputException("events file not found: " + input);
            }
            if (!Files.isReadable(input)) {
                throw new InputException("events file not readable: " + input);
            }
        }
        Configuration flink = localConfiguration(inputs, conf);
        KpiJobOptions options = KpiJobOptions.from(flink);
        Files.createDirectories(out);
        for (String table : TABLES) {
            deleteTree(out.resolve(table));
        }
        if (!csv) {
            // a run without --csv must not leave the CSV forms of an earlier run beside it
            Files.deleteIfExists(out.resolve("contact_intervals.csv"));
            Files.deleteIfExists(out.resolve("agent_intervals.csv"));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(options.parallelism, flink);
        // uncompressed files are read as parallel byte ranges unless lateness is judged per file
        // in line order (JsonlEventFormat)
        FileSource<JobEvent> source = JsonlEventFormat.source(inputs, !options.filesJudgeLateness);
        DataStream<JobEvent> events =
                env.fromSource(
                                source,
                                WatermarkStrategy.<JobEvent>noWatermarks()
                                        .withTimestampAssigner(
                                                (e, t) -> e.rejected() ? Long.MIN_VALUE : e.ts),
                                "events-files")
                        .uid("events-files");
        KpiJob.defineWorkflow(events, new FileSinks(out, csv, options.filesHashedKeys), options);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("joignable kpi");
        return RunSummary.of(result, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The configuration of a local bounded run over {@code inputs}: {@code conf} with batch mode,
     * no restart, the parallelism ({@link KpiJobOptions#PARALLELISM}: 1 for a small input unless
     * {@code conf} sets it), the MiniCluster's memory by input size ({@link LocalRunMemory}),
     * object reuse and uncompressed shuffles. Public for the benchmark's pass-through baseline,
     * which runs on the same MiniCluster as the KPI job so that the two differ only by the
     * workflow.
     */
    public static Configuration localConfiguration(List<Path> inputs, Configuration conf)
            throws IOException {
        long inputBytes = 0;
        for (Path input : inputs) {
            inputBytes += Files.size(input);
        }
        boolean small = inputBytes < SMALL_INPUT_BYTES;
        Configuration flink = new Configuration(conf);
        if (!conf.contains(KpiJobOptions.PARALLELISM) && small) {
            // a day or a week: one slot starts faster than two and the work is too small to share
            flink.set(KpiJobOptions.PARALLELISM, 1);
        }
        flink.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        flink.set(CoreOptions.DEFAULT_PARALLELISM, KpiJobOptions.from(flink).parallelism);
        // managed memory for batch mode's sorts, network and shuffle buffers, by input size
        LocalRunMemory.size(conf, flink, small, LocalRunMemory.jsonLinesBytes(inputs));
        // operators chained in one task hand their records over without a defensive copy: no
        // function of the graph keeps or changes a record it has passed on (docs/kpi-job.md)
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        if (!conf.contains(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC)) {
            // the stages' shuffle files stay on this machine (and mostly in its page cache):
            // Flink's LZ4 only cost the reading tasks 6 % of a year's samples (docs/kpi-job.md)
            flink.set(
                    NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                    NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        }
        return flink;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }

    /** Parquet tables, CSV files and the rejected/late files of a bounded run. */
    static final class FileSinks implements KpiSinks, Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Path out;
        private final boolean csv;
        private final boolean rowsByDay;

        /** {@code rowsByDay}: the interval rows come grouped by day ({@link DayCellKey}). */
        FileSinks(Path out, boolean csv, boolean rowsByDay) {
            this.out = out;
            this.csv = csv;
            this.rowsByDay = rowsByDay;
        }

        @Override
        public boolean bounded() {
            return true;
        }

        @Override
        public void contactRows(DataStream<ContactIntervalRow> rows) {
            BoundedParquetSinks.contactRows(rows, out, rowsByDay);
            if (csv) {
                rows.sinkTo(
                                new WholeFileSink<>(
                                        out.resolve("contact_intervals.csv"),
                                        String.join(",", ContactIntervalRow.COLUMNS),
                                        r -> KpiFormat.csvLine(r.csvValues()),
                                        CONTACT_ORDER))
                        .name("contact-intervals-csv")
                        .uid("contact-intervals-csv")
                        .setParallelism(1);
            }
        }

        @Override
        public void agentRows(DataStream<AgentIntervalRow> rows) {
            BoundedParquetSinks.agentRows(rows, out, rowsByDay);
            if (csv) {
                rows.sinkTo(
                                new WholeFileSink<>(
                                        out.resolve("agent_intervals.csv"),
                                        String.join(",", AgentIntervalRow.COLUMNS),
                                        r -> KpiFormat.csvLine(r.csvValues()),
                                        AGENT_ORDER))
                        .name("agent-intervals-csv")
                        .uid("agent-intervals-csv")
                        .setParallelism(1);
            }
        }

        @Override
        public void intentRows(DataStream<IntentRow> rows) {
            BoundedParquetSinks.intentRows(rows, out, rowsByDay);
        }

        @Override
        public void handoffs(DataStream<HandoffRow> rows) {
            BoundedParquetSinks.handoffs(rows, out);
        }

        @Override
        public void rejected(DataStream<Problem> rejected) {
            rejected.sinkTo(
                            new WholeFileSink<>(
                                    out.resolve("rejected.jsonl"),
                                    null,
                                    Problem::toJson,
                                    PROBLEM_ORDER))
                    .name("rejected-jsonl")
                    .uid("rejected-jsonl")
                    .setParallelism(1);
        }

        @Override
        public void late(DataStream<Problem> late) {
            late.sinkTo(
                            new WholeFileSink<>(
                                    out.resolve("late.jsonl"),
                                    null,
                                    Problem::toJson,
                                    PROBLEM_ORDER))
                    .name("late-jsonl")
                    .uid("late-jsonl")
                    .setParallelism(1);
        }
    }

    static final Comparator<ContactIntervalRow> CONTACT_ORDER =
            (Comparator<ContactIntervalRow> & Serializable)
                    (a, b) -> {
                        int c = a.intervalStart().compareTo(b.intervalStart());
                        if (c == 0) {
                            c = a.queue().compareTo(b.queue());
                        }
                        return c != 0 ? c : a.channel().name().compareTo(b.channel().name());
                    };

    static final Comparator<AgentIntervalRow> AGENT_ORDER =
            (Comparator<AgentIntervalRow> & Serializable)
                    (a, b) -> {
                        int c = a.intervalStart().compareTo(b.intervalStart());
                        return c != 0 ? c : a.team().compareTo(b.team());
                    };

    static final Comparator<Problem> PROBLEM_ORDER =
            (Comparator<Problem> & Serializable)
                    (a, b) -> {
                        int c = String.valueOf(a.source).compareTo(String.valueOf(b.source));
                        return c != 0 ? c : Long.compare(a.lineNumber, b.lineNumber);
                    };
}
