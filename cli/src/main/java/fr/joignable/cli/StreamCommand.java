package fr.joignable.cli;

import fr.joignable.domain.kafka.Topics;
import fr.joignable.jobs.KafkaKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.jobs.RunSummary;
import fr.joignable.wallboard.command.EventsTopicOption;
import fr.joignable.wallboard.command.LiveTopicOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable stream}: the KPI job, unbounded from Kafka. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming KPI job from a Kafka topic of events: KPI rows (upserts) and"
                    + " rejected/late events to Kafka topics, interval tables as Parquet in DIR,"
                    + " exactly once (checkpoints, Kafka transactions)."
        })
public final class StreamCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin PseudonymizeOptions privacy;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @picocli.CommandLine.Mixin KafkaClientOptions kafka;

    @picocli.CommandLine.Mixin EventsTopicOption events;

    @picocli.CommandLine.Mixin LiveTopicOption live;

    @picocli.CommandLine.Mixin LatenessOptions lateness;

    @Option(
            names = "--kpi-topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.KPIS,
            description = "KPI rows (upserts). Default: ${DEFAULT-VALUE}.")
    String kpiTopic;

    @Option(
            names = "--rejected-topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.REJECTED,
            description = "Rejected and late events. Default: ${DEFAULT-VALUE}.")
    String rejectedTopic;

    @Option(
            names = "--group-id",
            paramLabel = "ID",
            defaultValue = Topics.KPI_GROUP,
            description = "Default: ${DEFAULT-VALUE}.")
    String groupId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet tables.")
    Path out;

    @Option(
            names = "--checkpoint-interval",
            converter = Converters.DurationValue.class,
            defaultValue = KpiJobOptions.DEFAULT_CHECKPOINT_INTERVAL,
            paramLabel = "DURATION",
            description =
                    "Parquet files and Kafka transactions commit on checkpoints. Default:"
                            + " ${DEFAULT-VALUE}.")
    Duration checkpointInterval;

    @Option(
            names = "--until-end",
            description = "Stop once the records present at start are processed (replays).")
    boolean untilEnd;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "DIR",
            description =
                    "Where checkpoints are kept (retained when the job stops or crashes)."
                            + " Default: DIR/_checkpoints under --out.")
    Path checkpointDir;

    @Option(
            names = "--restore-from",
            paramLabel = "PATH|latest",
            description =
                    "Restart from a retained checkpoint or savepoint directory; 'latest' takes"
                            + " the newest chk-N under --checkpoint-dir.")
    String restoreFrom;

    @Override
    public Integer call() throws Exception {
        Configuration conf = new Configuration();
        configFile.applyTo(conf);
        privacy.applyTo(conf);
        kafka.applyTo(conf);
        set(conf, KpiJobOptions.EVENTS_TOPIC, events.eventsTopic());
        set(conf, KpiJobOptions.KPI_TOPIC, kpiTopic);
        set(conf, KpiJobOptions.LIVE_TOPIC, live.liveTopic());
        set(conf, KpiJobOptions.REJECTED_TOPIC, rejectedTopic);
        set(conf, KpiJobOptions.GROUP_ID, groupId);
        if (checkpointInterval.isZero()) {
            throw new UsageException("--checkpoint-interval must be positive");
        }
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, checkpointInterval);
        lateness.applyTo(conf);
        Path checkpoints = checkpointDir != null ? checkpointDir : out.resolve("_checkpoints");
        Checkpoints.configure(conf, checkpoints);
        if (restoreFrom != null) {
            conf.set(
                    org.apache.flink.configuration.StateRecoveryOptions.SAVEPOINT_PATH,
                    Checkpoints.resolve(restoreFrom, checkpoints).toUri().toString());
        }
        RunSummary summary = KafkaKpiRun.run(kafka.bootstrapServers(), out, untilEnd, conf);
        spec.commandLine().getOut().print(summary.format());
        spec.commandLine().getOut().flush();
        return JoignableCli.EXIT_OK;
    }

    private static void set(
            Configuration conf,
            org.apache.flink.configuration.ConfigOption<String> option,
            String value) {
        if (value != null) {
            if (value.isBlank()) {
                throw new UsageException(option.key() + " must not be empty");
            }
            conf.set(option, value);
        }
    }
}
