package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.time.Durations;
import fr.joignable.jobs.KpiJobOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The option blocks shared by the Kafka commands and the KPI commands: typed durations, defaults
 * shown from the options classes, set on the job only when given.
 */
class SharedOptionsTest {

    private static String defaultOf(Object command, String option) {
        return new CommandLine(command).getCommandSpec().findOption(option).defaultValue();
    }

    private static String helpOf(Object command) {
        return new CommandLine(command).getUsageMessage().replaceAll("\\s+", " ");
    }

    @Test
    void defaultsComeFromTheOptionsClasses() {
        StreamCommand stream = new StreamCommand();
        assertThat(defaultOf(stream, "--events-topic"))
                .isEqualTo(KpiJobOptions.EVENTS_TOPIC.defaultValue());
        assertThat(defaultOf(stream, "--live-topic"))
                .isEqualTo(KpiJobOptions.LIVE_TOPIC.defaultValue());
        assertThat(defaultOf(stream, "--kpi-topic"))
                .isEqualTo(KpiJobOptions.KPI_TOPIC.defaultValue());
        assertThat(defaultOf(stream, "--group-id"))
                .isEqualTo(KpiJobOptions.GROUP_ID.defaultValue());
        assertThat(Durations.parse(defaultOf(stream, "--out-of-orderness")))
                .isEqualTo(KpiJobOptions.OUT_OF_ORDERNESS.defaultValue());
        assertThat(Durations.parse(defaultOf(stream, "--allowed-lateness")))
                .isEqualTo(KpiJobOptions.ALLOWED_LATENESS.defaultValue());
        assertThat(Durations.parse(defaultOf(stream, "--checkpoint-interval")))
                .isEqualTo(KpiJobOptions.CHECKPOINT_INTERVAL.defaultValue());
        assertThat(defaultOf(new IngestCommand(), "--events-topic"))
                .isEqualTo(KpiJobOptions.EVENTS_TOPIC.defaultValue());
        // the same mixins, so the same option names and help, in every Kafka command
        for (Object command : new Object[] {new StreamCommand(), new IngestCommand()}) {
            assertThat(helpOf(command))
                    .contains("--bootstrap-servers=HOST:PORT[,...] Kafka brokers.")
                    .contains("--events-topic=TOPIC Kafka topic of the interaction events");
        }
        assertThat(helpOf(stream)).contains("(default: 5m)").contains("Default: 10s.");
    }

    @Test
    void latenessIsTypedAndSetOnlyWhenGiven() {
        KpiCommand given = new KpiCommand();
        new CommandLine(given)
                .parseArgs("--events", "e.jsonl", "--out", "o", "--out-of-orderness", "90s");
        assertThat(given.lateness.outOfOrderness).isEqualTo(Duration.ofSeconds(90));
        Configuration conf = new Configuration();
        given.lateness.applyTo(conf);
        assertThat(conf.get(KpiJobOptions.OUT_OF_ORDERNESS)).isEqualTo(Duration.ofSeconds(90));
        assertThat(conf.containsKey(KpiJobOptions.ALLOWED_LATENESS.key())).isFalse();
        assertThat(given.lateness.given()).isTrue();

        KpiCommand none = new KpiCommand();
        new CommandLine(none).parseArgs("--events", "e.jsonl", "--out", "o");
        Configuration empty = new Configuration();
        none.lateness.applyTo(empty);
        assertThat(empty.keySet()).isEmpty();
        assertThat(none.lateness.given()).isFalse();
        // the shown default is the value the job takes when nothing is set
        assertThat(none.lateness.outOfOrderness)
                .isEqualTo(empty.get(KpiJobOptions.OUT_OF_ORDERNESS));
    }

    @Test
    void aMalformedDurationIsAUsageError() {
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "stream",
                        "--bootstrap-servers",
                        "x:1",
                        "--out",
                        "o",
                        "--checkpoint-interval",
                        "soon");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration");
    }
}
