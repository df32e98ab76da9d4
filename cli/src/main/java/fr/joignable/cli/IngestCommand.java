package fr.joignable.cli;

import fr.joignable.domain.kafka.Topics;
import fr.joignable.domain.options.EventsTopicOption;
import fr.joignable.inputs.InputFormat;
import fr.joignable.inputs.KafkaIngest;
import fr.joignable.inputs.Skips;
import fr.joignable.jobs.options.DurationConverter;
import fr.joignable.jobs.options.PseudonymizeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable ingest}: a growing queue_log, followed into Kafka exactly once. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Follows a growing queue_log (like tail -F: rotation, truncation, a partial last line)"
                    + " and produces its events to Kafka as they are written, exactly once across"
                    + " restarts: each batch and the position after it are one Kafka transaction."
                    + " Runs until stopped (Ctrl-C, SIGTERM). See docs/inputs.md."
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** Set to stop the follower (the shutdown hook, or a test running the command in a thread). */
    final AtomicBoolean stop = new AtomicBoolean();

    @picocli.CommandLine.Mixin PseudonymizeOptions privacy;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "FORMAT",
            converter = InputsSupport.FormatConverter.class,
            description = "asterisk-queue-log (the only followable format).")
    InputFormat from;

    @picocli.CommandLine.Mixin KafkaClientOptions kafka;

    @Option(
            names = "--follow",
            required = true,
            paramLabel = "FILE",
            description = "The log to follow.")
    Path follow;

    @picocli.CommandLine.Mixin EventsTopicOption events;

    @Option(
            names = "--state-topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.INGEST_STATE,
            description =
                    "Compacted topic of positions, written in the same transaction as the events."
                            + " Default: ${DEFAULT-VALUE}.")
    String stateTopic;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description =
                    "Copy of the committed position (read when the state topic has none)."
                            + " Default: joignable-ingest.state.json in the current directory.")
    Path state = Path.of("joignable-ingest.state.json");

    @Option(
            names = "--transactional-id",
            paramLabel = "ID",
            description = "Kafka transactional id (default: derived from the followed file).")
    String transactionalId;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description =
                    "Mapping YAML (docs/inputs.md). Without it, the mapping: section of joignable.yaml, else the"
                            + " documented defaults.")
    Path mapping;

    @Option(
            names = "--poll",
            converter = DurationConverter.class,
            defaultValue = "0.2s",
            paramLabel = "DURATION",
            description = "Wait between reads when the file is idle (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Override
    public Integer call() throws Exception {
        if (from != InputFormat.ASTERISK_QUEUE_LOG) {
            throw new UsageException("ingest follows asterisk-queue-log files only");
        }
        if (poll.isZero() || poll.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new UsageException("--poll must be more than 0 and at most 60s");
        }
        String txId =
                transactionalId != null
                        ? transactionalId
                        : "joignable-ingest-"
                                + fr.joignable.inputs.EventIds.hash(
                                                follow.toAbsolutePath().normalize()
                                                        + "|"
                                                        + events.eventsTopic())
                                        .substring(0, 16);
        KafkaIngest.Settings settings =
                new KafkaIngest.Settings(
                        follow,
                        kafka.bootstrapServers(),
                        events.eventsTopic(),
                        stateTopic,
                        state,
                        txId,
                        InputsSupport.mapping(mapping, configFile),
                        InputsSupport.pseudonymizer(privacy),
                        5000,
                        poll,
                        kafka.properties());
        PrintWriter err = spec.commandLine().getErr();
        Skips skips = new Skips();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.set(true);
                            try {
                                done.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println(
                "ingest: following "
                        + follow
                        + " into "
                        + events.eventsTopic()
                        + " (Ctrl-C stops)");
        err.flush();
        try (KafkaIngest ingest = new KafkaIngest(settings, skips)) {
            ingest.run(stop::get);
            PrintWriter o = spec.commandLine().getOut();
            o.println(
                    "events produced: "
                            + ingest.events()
                            + " in "
                            + ingest.batches()
                            + " transactions");
            o.println("lines skipped: " + skips.total());
            skips.summary().forEach(s -> o.println("  " + s));
            o.flush();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        return JoignableCli.EXIT_OK;
    }
}
