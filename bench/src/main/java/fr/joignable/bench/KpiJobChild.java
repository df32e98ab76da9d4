package fr.joignable.bench;

import fr.joignable.jobs.DiscardingKpiSinks;
import fr.joignable.jobs.FileKpiRun;
import fr.joignable.jobs.KafkaKpiRun;
import fr.joignable.jobs.KpiJob;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.jobs.RunSummary;
import fr.joignable.jobs.io.JsonlEventFormat;
import fr.joignable.jobs.io.KafkaEventDeserializer;
import fr.joignable.jobs.model.JobEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * One measured Flink run in its own JVM (see {@link ChildJvm}); prints {@code RESULT seconds=…
 * events=… peakHeapMb=… peakRssMb=…}. Modes:
 *
 * <ul>
 *   <li>{@code file-kpi INPUT OUT}: the KPI job's bounded run ({@link FileKpiRun}, batch mode);
 *   <li>{@code file-pass INPUT EVENTS [whole]}: the baseline, a pass-through job with the same
 *       source (the same JSON Lines reader and event decoding, same parallelism) into a discarding
 *       sink; {@code whole}: one reader per file (no byte ranges), to compare;
 *   <li>{@code kafka-kpi BOOTSTRAP OUT CHECKPOINT_MS GROUP}: the KPI job from Kafka ({@link
 *       KafkaKpiRun}, bounded at the offsets present at start: exactly-once Parquet and Kafka
 *       outputs committed on checkpoints);
 *   <li>{@code kafka-mirror BOOTSTRAP CHECKPOINT_MS GROUP EVENTS}: the same source and the same
 *       workflow ({@link KpiJob#defineWorkflow}, upserts and live view included) into discarding
 *       sinks, with exactly-once checkpoints every CHECKPOINT_MS, or none when 0.
 * </ul>
 */
public final class KpiJobChild {

    private KpiJobChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("kafka-live")) {
            live(args);
            return;
        }
        long events;
        long t0;
        double seconds;
        try (PeakMemory mem = PeakMemory.start()) {
            t0 = System.nanoTime();
            switch (mode) {
                case "file-kpi" -> {
                    RunSummary s =
                            FileKpiRun.run(
                                    List.of(Path.of(args[1])),
                                    Path.of(args[2]),
                                    false,
                                    new Configuration());
                    events = s.read();
                }
                case "file-pass" -> {
                    // a fourth argument "whole": one reader per file, as before byte ranges
                    passThrough(Path.of(args[1]), !(args.length > 3 && args[3].equals("whole")));
                    events = Long.parseLong(args[2]);
                }
                case "kafka-kpi" -> {
                    Configuration conf = new Configuration();
                    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
                    conf.set(
                            KpiJobOptions.CHECKPOINT_INTERVAL,
                            Duration.ofMillis(Long.parseLong(args[3])));
                    conf.set(KpiJobOptions.GROUP_ID, args[4]);
                    RunSummary s = KafkaKpiRun.run(args[1], Path.of(args[2]), true, conf);
                    events = s.read();
                }
                case "kafka-mirror" -> {
                    kafkaMirror(args[1], Long.parseLong(args[2]), args[3]);
                    events = Long.parseLong(args[4]);
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            mem.close();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT seconds=%.3f events=%d peakHeapMb=%.0f peakLiveMb=%.0f peakRssMb=%.0f%n",
                    seconds,
                    events,
                    mem.peakHeapMb(),
                    mem.peakLiveHeapMb(),
                    Math.max(mem.peakRssMb(), PeakMemory.processPeakRssMb()));
        }
        System.out.flush();
        System.exit(0);
    }

    /**
     * {@code kafka-live BOOTSTRAP OUT TOPIC_PREFIX OUT_OF_ORDERNESS_MS}: the real unbounded {@code
     * joignable stream} run on the topics PREFIX.events / .live / .kpis / .rejected, until killed.
     */
    static void live(String[] args) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        String prefix = args[3];
        conf.set(KpiJobOptions.EVENTS_TOPIC, prefix + ".events");
        conf.set(KpiJobOptions.LIVE_TOPIC, prefix + ".live");
        conf.set(KpiJobOptions.KPI_TOPIC, prefix + ".kpis");
        conf.set(KpiJobOptions.REJECTED_TOPIC, prefix + ".rejected");
        conf.set(KpiJobOptions.GROUP_ID, prefix);
        conf.set(KpiJobOptions.OUT_OF_ORDERNESS, Duration.ofMillis(Long.parseLong(args[4])));
        KafkaKpiRun.run(args[1], Path.of(args[2]), false, conf);
    }

    /** KafkaKpiRun's source and workflow, every output discarded; checkpoints when > 0. */
    static void kafkaMirror(String bootstrap, long checkpointMs, String group) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(KpiJobOptions.GROUP_ID, group);
        KpiJobOptions options = KpiJobOptions.from(conf);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(options.parallelism, conf);
        if (checkpointMs > 0) {
            env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
        }
        KafkaSource<JobEvent> source =
                KafkaSource.<JobEvent>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(options.eventsTopic)
                        .setGroupId(options.groupId)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new KafkaEventDeserializer())
                        .setProperty("isolation.level", "read_committed")
                        .setBounded(OffsetsInitializer.latest())
                        .build();
        DataStream<JobEvent> events =
                env.fromSource(
                                source,
                                WatermarkStrategy.<JobEvent>forBoundedOutOfOrderness(
                                                Duration.ofMillis(options.outOfOrdernessMs))
                                        .withTimestampAssigner(
                                                (e, t) -> e.rejected() ? Long.MIN_VALUE : e.ts)
                                        .withIdleness(Duration.ofMillis(options.idlenessMs)),
                                "events-kafka")
                        .uid("events-kafka");
        KpiJob.defineWorkflow(events, new DiscardingKpiSinks(), options);
        env.execute("bench kafka mirror");
    }

    /**
     * Source → discarding sink on the KPI job's own MiniCluster configuration ({@link
     * FileKpiRun#localConfiguration}: batch mode, the same parallelism rule and memory sizing).
     */
    static void passThrough(Path input, boolean split) throws Exception {
        Configuration flink = FileKpiRun.localConfiguration(List.of(input), new Configuration());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        KpiJobOptions.from(flink).parallelism, flink);
        // the same source as FileKpiRun's: an uncompressed file is read as parallel byte ranges
        FileSource<JobEvent> source = JsonlEventFormat.source(List.of(input), split);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "events-files")
                .sinkTo(new DiscardingSink<>());
        env.execute("bench pass-through");
    }
}
