package fr.joignable.cli;

import fr.joignable.domain.io.InputException;
import fr.joignable.jobs.io.KafkaClientConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * The Kafka client settings of every command that talks to Kafka ({@code stream}, {@code
 * wallboard}): a standard {@code client.properties} file and {@code -X key=value} overrides, e.g.
 * for a SASL_SSL cluster:
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
 * Checked by {@link KafkaClientConfig}; values are never printed. A problem in the file exits 1, a
 * malformed {@code -X} exits 2.
 */
public final class KafkaClientOptions {

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

    /** The checked properties (empty when none given). */
    public Map<String, String> properties() {
        try {
            return KafkaClientConfig.of(file, overrides);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("--kafka-config")) {
                throw new InputException(e.getMessage());
            }
            throw new UsageException(e.getMessage());
        }
    }

    /** Puts the properties into the job's configuration. */
    void applyTo(Configuration conf) {
        KafkaClientConfig.applyTo(conf, properties());
    }
}
