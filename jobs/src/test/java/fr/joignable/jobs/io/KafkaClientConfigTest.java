package fr.joignable.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.jobs.KpiJobOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @TempDir Path dir;

    @Test
    void fileThenOverridesLaterWins() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("client.properties"),
                        "security.protocol=SASL_SSL\n"
                                + "sasl.mechanism=SCRAM-SHA-512\n"
                                + "sasl.jaas.config=org.apache.kafka.common.security.scram"
                                + ".ScramLoginModule required \\\n"
                                + "    username=\"u\" password=\"p=1\";\n");
        Map<String, String> props =
                KafkaClientConfig.of(
                        file, List.of("sasl.mechanism=SCRAM-SHA-256", "client.id=a=b"));
        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("client.id", "a=b")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"u\" password=\"p=1\";");
    }

    @Test
    void theFlinkConfigurationCarriesThemToTheJobOptions() {
        Configuration conf = new Configuration();
        KafkaClientConfig.applyTo(
                conf, Map.of("security.protocol", "SSL", "ssl.truststore.password", "x;y,z"));
        assertThat(KpiJobOptions.from(conf).kafkaProperties)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("security.protocol", "SSL", "ssl.truststore.password", "x;y,z"));
        assertThat(KpiJobOptions.defaults().kafkaProperties).isEmpty();
    }

    @Test
    void reservedUnknownAndMalformedKeysAreRefusedWithoutTheirValue() throws Exception {
        assertThatThrownBy(() -> KafkaClientConfig.of(null, List.of("group.id=g")))
                .hasMessage("-X group.id cannot be set here: use --group-id");
        assertThatThrownBy(() -> KafkaClientConfig.of(null, List.of("ssl.truststore.pasword=s")))
                .hasMessageContaining("ssl.truststore.pasword is not a Kafka client property");
        assertThatThrownBy(() -> KafkaClientConfig.of(null, List.of("hunter2")))
                .hasMessageContaining("-X takes KEY=VALUE");
        assertThatThrownBy(() -> KafkaClientConfig.of(null, List.of("my secret password")))
                .hasMessageNotContaining("secret");
        Path file = Files.writeString(dir.resolve("p"), "isolation.level=read_uncommitted\n");
        assertThatThrownBy(() -> KafkaClientConfig.of(file, List.of()))
                .hasMessageStartingWith("--kafka-config " + file + ": isolation.level");
        assertThatThrownBy(() -> KafkaClientConfig.of(dir.resolve("absent"), List.of()))
                .hasMessageEndingWith("no such file");
    }

    @Test
    void describeHidesSecrets() {
        String text =
                KafkaClientConfig.describe(
                        Map.of(
                                "security.protocol", "SASL_SSL",
                                "sasl.jaas.config", "... password=\"p\";",
                                "ssl.key.password", "k",
                                "ssl.truststore.password", "t"));
        assertThat(text)
                .isEqualTo(
                        "sasl.jaas.config=[hidden], security.protocol=SASL_SSL,"
                                + " ssl.key.password=[hidden], ssl.truststore.password=[hidden]");
    }
}
