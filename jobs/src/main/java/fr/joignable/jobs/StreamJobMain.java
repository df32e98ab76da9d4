package fr.joignable.jobs;

import fr.joignable.domain.time.Durations;
import fr.joignable.jobs.io.KafkaClientConfig;
import fr.joignable.jobs.model.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The KPI job as a Flink program for any cluster: {@code flink run -p 4 -c
 * fr.joignable.jobs.StreamJobMain joignable-jobs-VERSION-job.jar --bootstrap-servers ... --out
 * s3://...}, a REST submission, or locally. Same options and graph as {@code joignable stream}
 * ({@link KafkaKpiRun}), but the environment is {@link
 * StreamExecutionEnvironment#getExecutionEnvironment()}: parallelism, restart strategy, state
 * backend and checkpoint storage come from the cluster and the submission ({@code -p}).
 */
public final class StreamJobMain {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: StreamJobMain --bootstrap-servers HOST:PORT[,...] --out URI",
                    "    [--events-topic TOPIC] [--kpi-topic TOPIC] [--live-topic TOPIC]",
                    "    [--rejected-topic TOPIC] [--group-id ID] [--checkpoint-interval DURATION]",
                    "    [--out-of-orderness DURATION] [--allowed-lateness DURATION] [--until-end]",
                    "    [--pseudonymize] [--tenant-key-file FILE]",
                    "    [--max-events-per-second-per-subtask N]",
                    "    [--kafka-config FILE] [-X KEY=VALUE]... [--config FILE]",
                    "  --out: directory of the Parquet tables, a URI (s3://bucket/kpis,"
                            + " file:///data/kpis) or an absolute path",
                    "  DURATION: 500ms, 10s, 5m, 1h; a bare number means seconds",
                    "  --tenant-key-file: read on the TaskManagers; without it the key comes from"
                            + " their JOIGNABLE_TENANT_KEY",
                    "  --max-events-per-second-per-subtask: slows reading down (tests, demos);"
                            + " 0 = no limit (default)",
                    "  --kafka-config: standard Kafka client properties (security.protocol, sasl.*,"
                            + " ssl.*) read where the job is submitted; -X KEY=VALUE overrides one."
                            + " Files they name (trust stores) must exist on the TaskManagers",
                    "  --config: the centre's joignable.yaml (thresholds per channel and queue,"
                            + " duplicate window), read where the job is submitted");

    private static final Set<String> FLAGS = Set.of("until-end", "pseudonymize");
    private static final Set<String> VALUED =
            Set.of(
                    "bootstrap-servers",
                    "events-topic",
                    "kpi-topic",
                    "live-topic",
                    "rejected-topic",
                    "group-id",
                    "out",
                    "checkpoint-interval",
                    "out-of-orderness",
                    "allowed-lateness",
                    "tenant-key-file",
                    "max-events-per-second-per-subtask",
                    "kafka-config",
                    "config");

    private StreamJobMain() {}

    /** What the command line asks for. */
    record Args(
            String bootstrap,
            Path out,
            boolean untilEnd,
            boolean checkpointIntervalGiven,
            double maxEventsPerSecond,
            Configuration conf) {}

    public static void main(String[] args) throws Exception {
        Args a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        KpiJobOptions options = KpiJobOptions.from(a.conf());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (a.checkpointIntervalGiven() || !env.getCheckpointConfig().isCheckpointingEnabled()) {
            // the sinks commit on checkpoints: without checkpoints nothing would ever be written
            env.enableCheckpointing(options.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        }
        DataStream<Ev> events = KafkaKpiRun.events(env, a.bootstrap(), a.untilEnd(), options);
        if (a.maxEventsPerSecond() > 0) {
            events =
                    events.map(new Throttle(a.maxEventsPerSecond()))
                            .name("throttle")
                            .uid("throttle");
        }
        KpiJob.defineWorkflow(events, KafkaKpiRun.sinks(a.bootstrap(), a.out(), options), options);
        env.execute("joignable stream");
    }

    /** Parses {@code --name value}, {@code --name=value} and the two flags. */
    static Args parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        List<String> kafkaOverrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-X") || arg.startsWith("-X") && !arg.startsWith("--")) {
                // -X KEY=VALUE or -XKEY=VALUE: one Kafka client property
                if (arg.length() > 2) {
                    kafkaOverrides.add(arg.substring(2));
                } else if (i + 1 < args.length) {
                    kafkaOverrides.add(args[++i]);
                } else {
                    throw new IllegalArgumentException("-X needs KEY=VALUE");
                }
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null && !value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                if (value == null || value.equals("true")) {
                    flags.add(name);
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " must not be empty");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        String bootstrap = values.get("bootstrap-servers");
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-servers is required");
        }
        String out = values.get("out");
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        Path outPath = new Path(out);
        if (outPath.toUri().getScheme() == null && !outPath.isAbsolute()) {
            throw new IllegalArgumentException(
                    "--out must be a URI (s3://..., file:///...) or an absolute path: " + out);
        }

        Configuration conf = new Configuration();
        String configFile = values.get("config");
        if (configFile != null) {
            // read now: a bad file fails the submission with its one-line reason
            fr.joignable.domain.config.JoignableConfig.read(java.nio.file.Path.of(configFile));
            conf.set(
                    KpiJobOptions.CONFIG_FILE,
                    java.nio.file.Path.of(configFile).toAbsolutePath().toString());
        }
        setString(conf, KpiJobOptions.EVENTS_TOPIC, values.get("events-topic"));
        setString(conf, KpiJobOptions.KPI_TOPIC, values.get("kpi-topic"));
        setString(conf, KpiJobOptions.LIVE_TOPIC, values.get("live-topic"));
        setString(conf, KpiJobOptions.REJECTED_TOPIC, values.get("rejected-topic"));
        setString(conf, KpiJobOptions.GROUP_ID, values.get("group-id"));
        String checkpoint = values.get("checkpoint-interval");
        if (checkpoint != null) {
            conf.set(
                    KpiJobOptions.CHECKPOINT_INTERVAL,
                    duration("--checkpoint-interval", checkpoint, false));
        }
        String ooo = values.get("out-of-orderness");
        if (ooo != null) {
            conf.set(KpiJobOptions.OUT_OF_ORDERNESS, duration("--out-of-orderness", ooo, true));
        }
        String lateness = values.get("allowed-lateness");
        if (lateness != null) {
            conf.set(
                    KpiJobOptions.ALLOWED_LATENESS, duration("--allowed-lateness", lateness, true));
        }
        String keyFile = values.get("tenant-key-file");
        if (keyFile != null) {
            conf.set(KpiJobOptions.TENANT_KEY_FILE, keyFile);
        }
        if (flags.contains("pseudonymize") || keyFile != null) {
            conf.set(KpiJobOptions.PSEUDONYMIZE, true);
        }
        String kafkaConfig = values.get("kafka-config");
        KafkaClientConfig.applyTo(
                conf,
                KafkaClientConfig.of(
                        kafkaConfig == null ? null : java.nio.file.Path.of(kafkaConfig),
                        kafkaOverrides));
        double rate = 0;
        String max = values.get("max-events-per-second-per-subtask");
        if (max != null) {
            try {
                rate = Double.parseDouble(max);
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(
                        "--max-events-per-second-per-subtask must be a number, 0 or more: " + max);
            }
        }
        return new Args(
                bootstrap, outPath, flags.contains("until-end"), checkpoint != null, rate, conf);
    }

    private static void setString(
            Configuration conf,
            org.apache.flink.configuration.ConfigOption<String> option,
            String value) {
        if (value != null) {
            conf.set(option, value);
        }
    }

    private static Duration duration(String option, String text, boolean zeroAllowed) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        if (!zeroAllowed && d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return d;
    }

    /** Passes events through at no more than {@code rate} per second per subtask. */
    static final class Throttle extends RichMapFunction<Ev, Ev> {
        private static final long serialVersionUID = 1L;
        private final double rate;
        private transient long start;
        private transient long count;

        Throttle(double rate) {
            this.rate = rate;
        }

        @Override
        public void open(OpenContext context) {
            start = System.nanoTime();
            count = 0;
        }

        @Override
        public Ev map(Ev e) throws Exception {
            count++;
            long due = start + (long) (count * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            return e;
        }
    }
}
