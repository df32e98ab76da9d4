package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.io.BoundedKafkaSource;
import fr.joignable.jobs.io.KafkaClientConfig;
import fr.joignable.jobs.io.KafkaEventDeserializer;
import fr.joignable.jobs.io.KafkaSchemas;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.model.Problem;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * {@code joignable stream}: the same KPI job, unbounded from a Kafka topic, with event-time
 * watermarks (bounded out-of-orderness per partition, idle partitions ignored) and checkpoints.
 * Exactly once: Parquet files commit on checkpoints, Kafka outputs are written in transactions
 * committed on checkpoints (read them with {@code isolation.level=read_committed}).
 */
public final class KafkaKpiRun {

    private KafkaKpiRun() {}

    /**
     * Runs the job until cancelled, or — when {@code bounded} — until the records present at start
     * are processed (tests, replays).
     */
    public static RunSummary run(String bootstrap, Path out, boolean bounded, Configuration conf)
            throws Exception {
        StreamExecutionEnvironment env = environment(bootstrap, out, bounded, conf);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("joignable stream");
        return RunSummary.of(result, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Starts the unbounded job in the background (the demo) and returns its client, to cancel it or
     * wait for it.
     */
    public static JobClient start(String bootstrap, Path out, Configuration conf) throws Exception {
        return environment(bootstrap, out, false, conf).executeAsync("joignable stream");
    }

    private static StreamExecutionEnvironment environment(
            String bootstrap, Path out, boolean bounded, Configuration conf) throws Exception {
        KpiJobOptions options = KpiJobOptions.from(conf);
        Files.createDirectories(out);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(options.parallelism, conf);
        env.enableCheckpointing(options.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        DataStream<JobEvent> events = events(env, bootstrap, bounded, options);
        KpiJob.defineWorkflow(events, new KafkaSinks(bootstrap, out, options), options);
        return env;
    }

    /**
     * The job's input: the events topic read from the group's committed offsets (earliest
     * otherwise), read_committed, watermarks per partition; when {@code bounded}, up to the offsets
     * present at start. For entry points that build their own environment ({@link StreamJobMain}).
     */
    public static DataStream<JobEvent> events(
            StreamExecutionEnvironment env,
            String bootstrap,
            boolean bounded,
            KpiJobOptions options) {
        KafkaSourceBuilder<JobEvent> builder =
                KafkaSource.<JobEvent>builder()
                        // the operator's client properties first: the job's own settings win
                        .setProperties(KafkaClientConfig.toProperties(options.kafkaProperties))
                        .setBootstrapServers(bootstrap)
                        .setTopics(options.eventsTopic)
                        .setGroupId(options.groupId)
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new KafkaEventDeserializer())
                        .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        DataStream<JobEvent> events =
                env.fromSource(
                                // ends after a restore too (FLINK-31006)
                                BoundedKafkaSource.of(builder.build()),
                                WatermarkStrategy.<JobEvent>forBoundedOutOfOrderness(
                                                Duration.ofMillis(options.outOfOrdernessMs))
                                        .withTimestampAssigner(
                                                (e, t) -> e.rejected() ? Long.MIN_VALUE : e.ts)
                                        .withIdleness(Duration.ofMillis(options.idlenessMs)),
                                "events-kafka")
                        .uid("events-kafka");
        return events;
    }

    /**
     * The job's outputs: Parquet tables under {@code out} (a Flink path or URI: {@code
     * file:///...}, {@code s3://...}), KPI upserts, live view and rejected/late events to their
     * Kafka topics.
     */
    public static KpiSinks sinks(
            String bootstrap, org.apache.flink.core.fs.Path out, KpiJobOptions options) {
        return new KafkaSinks(bootstrap, out, options);
    }

    static <T> KafkaSink<T> sink(
            String bootstrap,
            java.util.Map<String, String> clientProperties,
            String topic,
            String txPrefix,
            SerializationSchema<T> key,
            SerializationSchema<T> value) {
        Properties props = KafkaClientConfig.toProperties(clientProperties);
        props.putIfAbsent("transaction.timeout.ms", "600000");
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(props)
                .setRecordSerializer(
                        new fr.joignable.jobs.io.ProcessingTimeRecords<>(
                                KafkaRecordSerializationSchema.<T>builder()
                                        .setTopic(topic)
                                        .setKeySerializationSchema(key)
                                        .setValueSerializationSchema(value)
                                        .build()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(txPrefix)
                .build();
    }

    /** Parquet tables plus the KPI and rejected topics. */
    static final class KafkaSinks implements KpiSinks, Serializable {
        private static final long serialVersionUID = 1L;
        private final String bootstrap;
        private final transient org.apache.flink.core.fs.Path out;
        private final KpiJobOptions options;

        KafkaSinks(String bootstrap, Path out, KpiJobOptions options) {
            this(bootstrap, new org.apache.flink.core.fs.Path(out.toUri()), options);
        }

        KafkaSinks(String bootstrap, org.apache.flink.core.fs.Path out, KpiJobOptions options) {
            this.bootstrap = bootstrap;
            this.out = out;
            this.options = options;
        }

        @Override
        public boolean wantsUpserts() {
            return true;
        }

        @Override
        public boolean wantsLiveView() {
            return true;
        }

        @Override
        public void liveView(DataStream<String> snapshots) {
            // At least once, outside transactions: a wallboard reading read_committed must see
            // each snapshot at once, not at the next checkpoint. The newest one wins.
            snapshots
                    .sinkTo(
                            KafkaSink.<String>builder()
                                    .setBootstrapServers(bootstrap)
                                    .setKafkaProducerConfig(
                                            KafkaClientConfig.toProperties(options.kafkaProperties))
                                    // sent at once: no batching delay on the live path
                                    .setProperty("linger.ms", "0")
                                    .setRecordSerializer(
                                            new KafkaSchemas.LiveRecords(options.liveTopic))
                                    .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                    .build())
                    .setParallelism(1)
                    .name("live-view-kafka")
                    .uid("live-view-kafka");
        }

        @Override
        public void contactRows(DataStream<ContactIntervalRow> rows) {
            ParquetSinks.contactRows(rows, out);
        }

        @Override
        public void contactUpserts(DataStream<ContactIntervalRow> rows) {
            rows.sinkTo(
                            KafkaKpiRun.<ContactIntervalRow>sink(
                                    bootstrap,
                                    options.kafkaProperties,
                                    options.kpiTopic,
                                    options.groupId + "-contact-kpis",
                                    new KafkaSchemas.ContactKey(),
                                    new KafkaSchemas.ContactValue()))
                    .name("contact-kpis-kafka")
                    .uid("contact-kpis-kafka");
        }

        @Override
        public void agentRows(DataStream<AgentIntervalRow> rows) {
            ParquetSinks.agentRows(rows, out);
            rows.sinkTo(
                            KafkaKpiRun.<AgentIntervalRow>sink(
                                    bootstrap,
                                    options.kafkaProperties,
                                    options.kpiTopic,
                                    options.groupId + "-agent-kpis",
                                    new KafkaSchemas.AgentKey(),
                                    new KafkaSchemas.AgentValue()))
                    .name("agent-kpis-kafka")
                    .uid("agent-kpis-kafka");
        }

        @Override
        public void intentRows(DataStream<IntentRow> rows) {
            ParquetSinks.intentRows(rows, out);
        }

        @Override
        public void handoffs(DataStream<HandoffRow> rows) {
            ParquetSinks.handoffs(rows, out);
        }

        @Override
        public void rejected(DataStream<Problem> rejected) {
            rejected.sinkTo(problemSink("-rejected")).name("rejected-kafka").uid("rejected-kafka");
        }

        @Override
        public void late(DataStream<Problem> late) {
            late.sinkTo(problemSink("-late")).name("late-kafka").uid("late-kafka");
        }

        private KafkaSink<Problem> problemSink(String suffix) {
            return KafkaKpiRun.<Problem>sink(
                    bootstrap,
                    options.kafkaProperties,
                    options.rejectedTopic,
                    options.groupId + suffix,
                    new KafkaSchemas.ProblemKey(),
                    new KafkaSchemas.ProblemValue());
        }
    }
}
