package fr.joignable.jobs;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.UsageException;
import fr.joignable.domain.options.EventsTopicOption;
import fr.joignable.domain.options.KafkaClientOptions;
import fr.joignable.domain.options.LiveTopicOption;
import fr.joignable.jobs.io.KafkaClientConfig;
import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.options.LatenessOptions;
import fr.joignable.jobs.options.PseudonymizeOptions;
import fr.joignable.jobs.options.StreamJobOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The KPI job as a Flink program for any cluster: {@code flink run -p 4 -c
 * fr.joignable.jobs.StreamJobMain joignable-jobs-VERSION-job.jar --bootstrap-servers ... --out
 * s3://...}, a REST submission, or locally. Same options and graph as {@code joignable stream}
 * ({@link KafkaKpiRun}), but the environment is {@link
 * StreamExecutionEnvironment#getExecutionEnvironment()}: parallelism, restart strategy, state
 * backend and checkpoint storage come from the cluster and the submission ({@code -p}).
 *
 * <p>The command line is picocli's, on the option mixins that {@code joignable stream} uses ({@link
 * StreamJobOptions}, {@link LatenessOptions}, {@link PseudonymizeOptions}, defaults from {@link
 * KpiJobOptions}); an unknown or malformed argument fails the submission with its reason and the
 * usage. Files are read where the job is submitted, except the tenant key file (on the
 * TaskManagers).
 */
@Command(
        name = "StreamJobMain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "The Joignable KPI job from Kafka, for a Flink cluster (flink run -c"
                    + " fr.joignable.jobs.StreamJobMain JOB.jar ...).",
            "DURATION: 500ms, 10s, 5m, 1h, PT1M30S; a bare number means seconds."
        })
public final class StreamJobMain {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "URI",
            description =
                    "Directory of the Parquet tables: a URI (s3://bucket/kpis, file:///data/kpis)"
                            + " or an absolute path.")
    String out;

    // the same Kafka option blocks as the wallboard and the cli (domain.options); the files
    // --kafka-config names (trust stores) must exist on the TaskManagers too
    @Mixin KafkaClientOptions kafka;

    @Mixin EventsTopicOption events;

    @Mixin LiveTopicOption live;

    @Mixin StreamJobOptions stream;

    @Mixin LatenessOptions lateness;

    @Mixin PseudonymizeOptions privacy;

    @Option(
            names = "--max-events-per-second-per-subtask",
            paramLabel = "N",
            defaultValue = "0",
            description = "Slows reading down (tests, demos); 0 = no limit (default).")
    double maxEventsPerSecond;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The centre's joignable.yaml (thresholds per channel and queue, duplicate"
                            + " window), read where the job is submitted.")
    java.nio.file.Path config;

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
        PrintWriter stdout = new PrintWriter(System.out, true);
        Args a = parse(args, stdout);
        if (a == null) {
            return; // --help or --version
        }
        KpiJobOptions options = KpiJobOptions.from(a.conf());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (a.checkpointIntervalGiven() || !env.getCheckpointConfig().isCheckpointingEnabled()) {
            // the sinks commit on checkpoints: without checkpoints nothing would ever be written
            env.enableCheckpointing(options.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        }
        DataStream<JobEvent> events = KafkaKpiRun.events(env, a.bootstrap(), a.untilEnd(), options);
        if (a.maxEventsPerSecond() > 0) {
            events =
                    events.map(new Throttle(a.maxEventsPerSecond()))
                            .name("throttle")
                            .uid("throttle");
        }
        KpiJob.defineWorkflow(events, KafkaKpiRun.sinks(a.bootstrap(), a.out(), options), options);
        env.execute("joignable stream");
    }

    /** {@link #parse(String[], PrintWriter)}, help text discarded. */
    static Args parse(String[] args) {
        return parse(args, new PrintWriter(java.io.Writer.nullWriter()));
    }

    /**
     * Parses the command line. {@code --help} and {@code --version} print to {@code out} and give
     * {@code null}; any error is an {@link IllegalArgumentException} whose message is the reason,
     * then the usage (what {@code flink run} shows).
     */
    static Args parse(String[] args, PrintWriter out) {
        StreamJobMain main = new StreamJobMain();
        CommandLine cl = new CommandLine(main);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out, CommandLine.Help.Ansi.OFF);
                out.flush();
                return null;
            }
            if (cl.isVersionHelpRequested()) {
                out.println("StreamJobMain " + version());
                out.flush();
                return null;
            }
            return main.args();
        } catch (ParameterException
                | UsageException
                | InputException
                | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage(), e);
        }
    }

    /** The usage text, as {@code --help} prints it. */
    static String usage() {
        StringWriter w = new StringWriter();
        new CommandLine(new StreamJobMain())
                .usage(new PrintWriter(w, true), CommandLine.Help.Ansi.OFF);
        return w.toString();
    }

    private static String version() {
        String v = StreamJobMain.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** The checked options as the job's configuration. */
    private Args args() {
        String bootstrapServers = kafka.bootstrapServers();
        nonBlank("--out", out);
        Path outPath = new Path(out);
        if (outPath.toUri().getScheme() == null && !outPath.isAbsolute()) {
            throw new UsageException(
                    "--out must be a URI (s3://..., file:///...) or an absolute path: " + out);
        }
        Configuration conf = new Configuration();
        if (config != null) {
            // read now: a bad file fails the submission with its one-line reason
            JoignableConfig.read(config);
            conf.set(KpiJobOptions.CONFIG_FILE, config.toAbsolutePath().toString());
        }
        StreamJobOptions.set(
                conf, KpiJobOptions.EVENTS_TOPIC, "--events-topic", events.eventsTopic());
        StreamJobOptions.set(conf, KpiJobOptions.LIVE_TOPIC, "--live-topic", live.liveTopic());
        stream.applyTo(conf);
        lateness.applyTo(conf);
        privacy.applyForCluster(conf);
        KafkaClientConfig.applyTo(conf, kafka.properties());
        if (!(maxEventsPerSecond >= 0) || Double.isInfinite(maxEventsPerSecond)) {
            throw new UsageException(
                    "--max-events-per-second-per-subtask must be a number, 0 or more: "
                            + maxEventsPerSecond);
        }
        return new Args(
                bootstrapServers,
                outPath,
                stream.untilEnd(),
                stream.checkpointIntervalGiven(),
                maxEventsPerSecond,
                conf);
    }

    private static void nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
    }

    /** Passes events through at no more than {@code rate} per second per subtask. */
    static final class Throttle extends RichMapFunction<JobEvent, JobEvent> {
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
        public JobEvent map(JobEvent e) throws Exception {
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
