package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of the cluster entry point {@link StreamJobMain}. */
class StreamJobMainTest {

    @Test
    void parsesTheOptionsOfTheStreamCommand() {
        StreamJobMain.Args a =
                StreamJobMain.parse(
                        new String[] {
                            "--bootstrap-servers",
                            "k1:9092,k2:9092",
                            "--out",
                            "s3://bucket/kpis",
                            "--events-topic",
                            "ev",
                            "--kpi-topic=kpis",
                            "--live-topic",
                            "live",
                            "--rejected-topic",
                            "rej",
                            "--group-id",
                            "g",
                            "--checkpoint-interval",
                            "1s",
                            "--out-of-orderness",
                            "2m",
                            "--allowed-lateness",
                            "0",
                            "--until-end",
                            "--tenant-key-file",
                            "/etc/joignable/key"
                        });
        KpiJobOptions o = KpiJobOptions.from(a.conf());
        assertThat(a.bootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(a.out().toUri().toString()).isEqualTo("s3://bucket/kpis");
        assertThat(a.untilEnd()).isTrue();
        assertThat(a.checkpointIntervalGiven()).isTrue();
        assertThat(o.eventsTopic).isEqualTo("ev");
        assertThat(o.kpiTopic).isEqualTo("kpis");
        assertThat(o.liveTopic).isEqualTo("live");
        assertThat(o.rejectedTopic).isEqualTo("rej");
        assertThat(o.groupId).isEqualTo("g");
        assertThat(o.checkpointIntervalMs).isEqualTo(1000);
        assertThat(o.outOfOrdernessMs).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(o.allowedLatenessMs).isZero();
        assertThat(o.pseudonymize).isTrue();
        assertThat(o.tenantKeyFile).isEqualTo("/etc/joignable/key");
    }

    @Test
    void defaultsAreThoseOfTheStreamCommand() {
        StreamJobMain.Args a =
                StreamJobMain.parse(new String[] {"--bootstrap-servers", "k:9092", "--out", "/d"});
        KpiJobOptions o = KpiJobOptions.from(a.conf());
        KpiJobOptions d = KpiJobOptions.defaults();
        assertThat(a.untilEnd()).isFalse();
        assertThat(a.checkpointIntervalGiven()).isFalse();
        assertThat(a.maxEventsPerSecond()).isZero();
        assertThat(o.eventsTopic).isEqualTo(d.eventsTopic);
        assertThat(o.checkpointIntervalMs).isEqualTo(d.checkpointIntervalMs);
        assertThat(o.pseudonymize).isFalse();
    }

    @Test
    void rejectsUnknownMissingAndMalformedOptions() {
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--prallelism",
                                            "4"
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option")
                .hasMessageContaining("--prallelism");
        assertThatThrownBy(() -> StreamJobMain.parse(new String[] {"--out", "/d"}))
                .hasMessageStartingWith("Missing required option: '--bootstrap-servers");
        assertThatThrownBy(
                        () -> StreamJobMain.parse(new String[] {"--bootstrap-servers", "k:9092"}))
                .hasMessageStartingWith("Missing required option: '--out=URI'");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:9092", "--out", "rel/dir"
                                        }))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--checkpoint-interval",
                                            "0"
                                        }))
                .hasMessageContaining("--checkpoint-interval must be positive");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:9092", "--out", "/d", "x"
                                        }))
                .hasMessageContaining("Unmatched argument")
                .hasMessageContaining("'x'");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {"--bootstrap-servers", "k:9092", "--out"}))
                .hasMessageContaining("Missing required parameter for option '--out'");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--out",
                                            "/e"
                                        }))
                .hasMessageContaining("--out")
                .hasMessageContaining("should be specified only once");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--allowed-lateness",
                                            "soon"
                                        }))
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--kpi-topic",
                                            " "
                                        }))
                .hasMessageContaining("--kpi-topic must not be empty");
    }

    @Test
    void kafkaClientPropertiesFromAFileAndX(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file =
                java.nio.file.Files.writeString(
                        dir.resolve("client.properties"),
                        "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        StreamJobMain.Args a =
                StreamJobMain.parse(
                        new String[] {
                            "--bootstrap-servers",
                            "k:9092",
                            "--out",
                            "/d",
                            "--kafka-config",
                            file.toString(),
                            "-X",
                            "sasl.mechanism=SCRAM-SHA-512",
                            "-Xclient.id=job"
                        });
        assertThat(KpiJobOptions.from(a.conf()).kafkaProperties)
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of(
                                "security.protocol", "SASL_SSL",
                                "sasl.mechanism", "SCRAM-SHA-512",
                                "client.id", "job"));
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:9092", "--out", "/d", "-X"
                                        }))
                .hasMessageContaining("Missing required parameter for option '-X'");
    }

    @Test
    void mainReportsTheUsage() {
        assertThatThrownBy(
                        () ->
                                StreamJobMain.main(
                                        new String[] {
                                            "--bootstrap-servers", "k:9092", "--out", "/d", "--nope"
                                        }))
                .hasMessageContaining("Unknown option: '--nope'")
                .hasMessageContaining("Usage: StreamJobMain");
    }

    @Test
    void theFormsTheOldParserAcceptedStillParse() {
        // --name=value, flags as --flag=true|false, ISO-8601 and bare-second durations
        StreamJobMain.Args a =
                StreamJobMain.parse(
                        new String[] {
                            "--bootstrap-servers=k:9092",
                            "--out=file:///data/kpis",
                            "--until-end=false",
                            "--pseudonymize=true",
                            "--checkpoint-interval=PT1M30S",
                            "--out-of-orderness",
                            "90",
                            "--max-events-per-second-per-subtask",
                            "700"
                        });
        KpiJobOptions o = KpiJobOptions.from(a.conf());
        assertThat(a.untilEnd()).isFalse();
        assertThat(o.pseudonymize).isTrue();
        assertThat(o.tenantKeyFile).isEmpty();
        assertThat(o.checkpointIntervalMs).isEqualTo(90_000);
        assertThat(o.outOfOrdernessMs).isEqualTo(90_000);
        assertThat(a.maxEventsPerSecond()).isEqualTo(700);
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {
                                            "--bootstrap-servers",
                                            "k:9092",
                                            "--out",
                                            "/d",
                                            "--max-events-per-second-per-subtask",
                                            "-1"
                                        }))
                .hasMessageContaining("--max-events-per-second-per-subtask must be a number");
    }

    @Test
    void helpListsTheOptionsOfTheSharedMixinsWithTheJobsDefaults() {
        java.io.StringWriter out = new java.io.StringWriter();
        StreamJobMain.Args a =
                StreamJobMain.parse(new String[] {"--help"}, new java.io.PrintWriter(out, true));
        assertThat(a).isNull();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help)
                .startsWith("Usage: StreamJobMain")
                .contains("--bootstrap-servers=HOST:PORT[,...]")
                .contains("--out=URI")
                .contains("--kpi-topic=TOPIC KPI rows (upserts). Default: joignable.kpis.")
                .contains("Default: " + KpiJobOptions.DEFAULT_CHECKPOINT_INTERVAL + ".")
                .contains("(default: " + KpiJobOptions.DEFAULT_OUT_OF_ORDERNESS + ")")
                .contains("--tenant-key-file=FILE")
                .contains("-X=KEY=VALUE")
                .contains("--config=FILE");
        assertThat(StreamJobMain.usage().replaceAll("\\s+", " ")).isEqualTo(help);
    }
}
