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
        assertThat(given.lateness.outOfOrderness()).isEqualTo(Duration.ofSeconds(90));
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
        assertThat(none.lateness.outOfOrderness())
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

    @Test
    void everyDurationOptionTakesTheContractsFormsAndIso8601() {
        // docs/cli.md: 20s, 5m, 1h, decimals, a bare number of seconds; and ISO-8601
        String[][] same = {
            {"--interval", "30m", "--aht", "240s", "--patience", "180s", "--asa", "30s"},
            {"--interval", "1800", "--aht", "240", "--patience", "3m", "--asa", "0.5m"},
            {"--interval", "PT30M", "--aht", "PT4M", "--patience", "PT3M", "--asa", "PT30S"},
        };
        String first = null;
        for (String[] durations : same) {
            java.util.List<String> args =
                    new java.util.ArrayList<>(
                            java.util.List.of(
                                    "erlang", "--volume", "120", "--sl", "80/20", "--json"));
            args.addAll(java.util.List.of(durations));
            JoignableCliTest.Run run = JoignableCliTest.run(args.toArray(new String[0]));
            assertThat(run.status()).as(run.err()).isZero();
            if (first == null) {
                first = run.out();
            }
            assertThat(run.out()).isEqualTo(first);
        }
        ScheduleCommand schedule = new ScheduleCommand();
        new CommandLine(schedule)
                .parseArgs(
                        "--staffing",
                        "s.csv",
                        "--roster",
                        "r.csv",
                        "--out",
                        "o.csv",
                        "--time-limit",
                        "PT1M30S");
        assertThat(schedule.timeLimit).isEqualTo(Duration.ofSeconds(90));
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--linger", "10m");
        assertThat(demo.linger).isEqualTo(Duration.ofMinutes(10));
        new CommandLine(demo).parseArgs();
        assertThat(demo.linger).isZero();
        JoignableCliTest.Run bad =
                JoignableCliTest.run(
                        "erlang", "--volume", "120", "--aht", "PT-4M", "--sl", "80/20");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("'PT-4M' is a negative duration");
    }

    @Test
    void flagsTakeAnOptionalBooleanWithoutEatingTheNextArgument() {
        // --pseudonymize and --until-end accept =true/=false (as the job jar always did), and a
        // positional argument after them stays a positional argument
        ConvertCommand convert = new ConvertCommand();
        new CommandLine(convert)
                .parseArgs(
                        "--from",
                        "asterisk-queue-log",
                        "--out",
                        "o.jsonl",
                        "--pseudonymize",
                        "queue_log");
        assertThat(convert.privacy.enabled()).isTrue();
        assertThat(convert.inputs).containsExactly(java.nio.file.Path.of("queue_log"));
        ConvertCommand off = new ConvertCommand();
        new CommandLine(off)
                .parseArgs(
                        "--from",
                        "asterisk-queue-log",
                        "--out",
                        "o.jsonl",
                        "--pseudonymize=false",
                        "queue_log");
        assertThat(off.privacy.enabled()).isFalse();
        StreamCommand stream = new StreamCommand();
        new CommandLine(stream)
                .parseArgs("--bootstrap-servers", "k:1", "--out", "o", "--until-end");
        assertThat(stream.job.untilEnd()).isTrue();
        assertThat(stream.job.checkpointIntervalGiven()).isFalse();
    }
}
