package fr.joignable.cluster;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The smallest job that exercises what the KPI job relies on in a cluster: a Kafka source, keyed
 * state, checkpoints, a transactional Kafka sink. It reads each record's value as a key, counts the
 * records per key and, for each record, writes {@code key -> running count} to the output topic.
 *
 * <p>With exactly-once processing the committed output holds, for every key, the values 1..n
 * exactly once: a lost record leaves a gap, a record counted twice (state and source position out
 * of step) or an output written twice (a non-transactional sink) repeats a value.
 *
 * <p>The source is bounded at the offsets that are the latest when the job starts, so the job ends
 * by itself once it has read what was produced before submission.
 *
 * <p>Arguments: {@code --bootstrap-servers HOST:PORT --input-topic T --output-topic T
 * [--checkpoint-interval-ms 1000] [--max-records-per-second-per-subtask 0]}. The rate limit (0 =
 * none) exists only to make a short test run last long enough to kill a TaskManager mid-stream.
 */
public final class SmokeCountJob {

    private SmokeCountJob() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        String bootstrap = required(opts, "bootstrap-servers");
        String input = required(opts, "input-topic");
        String output = required(opts, "output-topic");
        long checkpointMs = Long.parseLong(opts.getOrDefault("checkpoint-interval-ms", "1000"));
        double rate =
                Double.parseDouble(opts.getOrDefault("max-records-per-second-per-subtask", "0"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);

        KafkaSource<String> source =
                KafkaSource.<String>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(input)
                        .setGroupId("joignable-smoke-" + input)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();

        KafkaSink<String> sink =
                KafkaSink.<String>builder()
                        .setBootstrapServers(bootstrap)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix("joignable-smoke-" + output)
                        // must exceed checkpoint interval + failover time, and stay under the
                        // brokers' transaction.max.timeout.ms
                        .setProperty("transaction.timeout.ms", "60000")
                        .setRecordSerializer(
                                KafkaRecordSerializationSchema.<String>builder()
                                        .setTopic(output)
                                        .setKeySerializationSchema(new Part(true))
                                        .setValueSerializationSchema(new Part(false))
                                        .build())
                        .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "input")
                .uid("input")
                .map(new Throttle(rate))
                .uid("throttle")
                .keyBy(key -> key)
                .process(new CountPerKey())
                .uid("count")
                .sinkTo(sink)
                .uid("output");

        env.execute("joignable-cluster-smoke");
    }

    /** Emits {@code key,count} for every record, the count kept in keyed state. */
    static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String key, Context ctx, Collector<String> out)
                throws Exception {
            Long previous = count.value();
            long next = previous == null ? 1 : previous + 1;
            count.update(next);
            out.collect(key + "," + next);
        }
    }

    /**
     * Serializes the key ({@code key,count} before the comma) or the value (after it). A named
     * class: the sink's lineage needs the schema's type, which lambdas do not keep.
     */
    static final class Part implements SerializationSchema<String> {
        private final boolean key;

        Part(boolean key) {
            this.key = key;
        }

        @Override
        public byte[] serialize(String line) {
            int comma = line.indexOf(',');
            String part = key ? line.substring(0, comma) : line.substring(comma + 1);
            return part.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Passes records through at no more than {@code rate} per second per subtask (0: no limit). */
    static final class Throttle extends RichMapFunction<String, String> {
        private final double rate;
        private transient long startNanos;
        private transient long seen;

        Throttle(double rate) {
            this.rate = rate;
        }

        @Override
        public void open(OpenContext openContext) {
            startNanos = System.nanoTime();
            seen = 0;
        }

        @Override
        public String map(String value) throws Exception {
            if (rate > 0) {
                seen++;
                long dueNanos = startNanos + (long) (seen * 1e9 / rate);
                long waitNanos = dueNanos - System.nanoTime();
                if (waitNanos > 0) {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                }
            }
            return value;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
