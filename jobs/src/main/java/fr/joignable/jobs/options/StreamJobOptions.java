package fr.joignable.jobs.options;

import fr.joignable.domain.io.UsageException;
import fr.joignable.domain.kafka.Topics;
import fr.joignable.jobs.KpiJobOptions;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the unbounded KPI job from Kafka, shared by {@code joignable stream} and the job
 * jar's {@link fr.joignable.jobs.StreamJobMain}: the topics it writes, its consumer group, its
 * checkpoint interval and {@code --until-end}. Defaults are {@link KpiJobOptions}' ({@link
 * Topics}).
 */
public final class StreamJobOptions {

    public static final String CHECKPOINT_INTERVAL = "--checkpoint-interval";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
            description = "Kafka consumer group of the job. Default: ${DEFAULT-VALUE}.")
    String groupId;

    @Option(
            names = CHECKPOINT_INTERVAL,
            converter = DurationConverter.class,
            defaultValue = KpiJobOptions.DEFAULT_CHECKPOINT_INTERVAL,
            paramLabel = "DURATION",
            description =
                    "Parquet files and Kafka transactions commit on checkpoints. Default:"
                            + " ${DEFAULT-VALUE}.")
    Duration checkpointInterval;

    @Option(
            names = "--until-end",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOLEAN",
            description = "Stop once the records present at start are processed (replays).")
    boolean untilEnd;

    /** Whether the job stops at the offsets present at start. */
    public boolean untilEnd() {
        return untilEnd;
    }

    /** Whether {@code --checkpoint-interval} was given on the command line. */
    public boolean checkpointIntervalGiven() {
        return mixee.commandLine().getParseResult().hasMatchedOption(CHECKPOINT_INTERVAL);
    }

    /** Sets the topics, the group and the checkpoint interval, each checked. */
    public void applyTo(Configuration conf) {
        set(conf, KpiJobOptions.KPI_TOPIC, "--kpi-topic", kpiTopic);
        set(conf, KpiJobOptions.REJECTED_TOPIC, "--rejected-topic", rejectedTopic);
        set(conf, KpiJobOptions.GROUP_ID, "--group-id", groupId);
        if (checkpointInterval.isZero()) {
            throw new UsageException(CHECKPOINT_INTERVAL + " must be positive");
        }
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, checkpointInterval);
    }

    /** Sets a string option, refusing a blank value. */
    public static void set(
            Configuration conf, ConfigOption<String> option, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        conf.set(option, value);
    }
}
