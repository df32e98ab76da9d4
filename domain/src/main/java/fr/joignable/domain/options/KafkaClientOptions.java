package fr.joignable.domain.options;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.UsageException;
import fr.joignable.domain.kafka.KafkaClientProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The Kafka client settings of every command that talks to Kafka ({@code wallboard}, {@code
 * stream}, {@code ingest}): the brokers ({@code --bootstrap-servers}), a standard {@code
 * client.properties} file and {@code -X key=value} overrides, e.g. for a SASL_SSL cluster:
 *
 * <pre>
 * security.protocol=SASL_SSL
 * sasl.mechanism=SCRAM-SHA-512
 * sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
 *     username="joignable" password="...";
 * ssl.truststore.location=/etc/joignable/ca.p12
 * ssl.truststore.password=...
 * </pre>
 *
 * Checked by {@link KafkaClientProperties}; values are never printed. A problem in the file exits
 * 1, a malformed {@code -X} exits 2. Flink-free and in {@code domain}, so that one definition
 * serves the wallboard (which runs without Flink), the job jar's {@code StreamJobMain} and the
 * {@code cli} (which extends it with the hand-over to the Flink job).
 */
public class KafkaClientOptions {

    @Option(
            names = "--bootstrap-servers",
            required = true,
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers.")
    String bootstrapServers;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description =
                    "Kafka client properties (security.protocol, sasl.*, ssl.*, timeouts) for"
                            + " every Kafka client of the command; values are never printed.")
    Path file;

    @Option(
            names = "-X",
            paramLabel = "KEY=VALUE",
            description = "One Kafka client property, overriding --kafka-config (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** The brokers given, checked non-blank. */
    public String bootstrapServers() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new UsageException("--bootstrap-servers must not be empty");
        }
        return bootstrapServers;
    }

    /** The checked properties (empty when none given). */
    public Map<String, String> properties() {
        try {
            return KafkaClientProperties.of(file, overrides);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("--kafka-config")) {
                throw new InputException(e.getMessage());
            }
            throw new UsageException(e.getMessage());
        }
    }
}
