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
                .hasMessageContaining("unknown option: --prallelism");
        assertThatThrownBy(() -> StreamJobMain.parse(new String[] {"--out", "/d"}))
                .hasMessageContaining("--bootstrap-servers is required");
        assertThatThrownBy(
                        () -> StreamJobMain.parse(new String[] {"--bootstrap-servers", "k:9092"}))
                .hasMessageContaining("--out is required");
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
                .hasMessageContaining("unexpected argument: x");
        assertThatThrownBy(
                        () ->
                                StreamJobMain.parse(
                                        new String[] {"--bootstrap-servers", "k:9092", "--out"}))
                .hasMessageContaining("--out needs a value");
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
                .hasMessageContaining("-X needs KEY=VALUE");
    }

    @Test
    void mainReportsTheUsage() {
        assertThatThrownBy(() -> StreamJobMain.main(new String[] {"--nope"}))
                .hasMessageContaining("unknown option: --nope")
                .hasMessageContaining("Usage: StreamJobMain");
    }
}
