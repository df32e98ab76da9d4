package fr.joignable.cli;

import fr.joignable.domain.options.EventsTopicOption;
import fr.joignable.domain.options.LiveTopicOption;
import fr.joignable.jobs.Checkpoints;
import fr.joignable.jobs.KafkaKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.jobs.RunSummary;
import fr.joignable.jobs.options.LatenessOptions;
import fr.joignable.jobs.options.PseudonymizeOptions;
import fr.joignable.jobs.options.StreamJobOptions;
import java.nio.file.Path;
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

    @picocli.CommandLine.Mixin StreamJobOptions job;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet tables.")
    Path out;

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
        privacy.applyCheckedHere(conf);
        kafka.applyTo(conf);
        StreamJobOptions.set(
                conf, KpiJobOptions.EVENTS_TOPIC, "--events-topic", events.eventsTopic());
        StreamJobOptions.set(conf, KpiJobOptions.LIVE_TOPIC, "--live-topic", live.liveTopic());
        job.applyTo(conf);
        lateness.applyTo(conf);
        Path checkpoints = checkpointDir != null ? checkpointDir : out.resolve("_checkpoints");
        Checkpoints.configure(conf, checkpoints);
        if (restoreFrom != null) {
            conf.set(
                    org.apache.flink.configuration.StateRecoveryOptions.SAVEPOINT_PATH,
                    Checkpoints.resolve(restoreFrom, checkpoints).toUri().toString());
        }
        RunSummary summary = KafkaKpiRun.run(kafka.bootstrapServers(), out, job.untilEnd(), conf);
        spec.commandLine().getOut().print(summary.format());
        spec.commandLine().getOut().flush();
        return JoignableCli.EXIT_OK;
    }
}
