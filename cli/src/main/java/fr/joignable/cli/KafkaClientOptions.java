package fr.joignable.cli;

import fr.joignable.jobs.io.KafkaClientConfig;
import org.apache.flink.configuration.Configuration;

/**
 * The Kafka client options ({@code --kafka-config}, {@code -X}) of {@link
 * fr.joignable.domain.options.KafkaClientOptions}, plus their hand-over to the Flink job.
 */
public final class KafkaClientOptions extends fr.joignable.domain.options.KafkaClientOptions {

    /** Puts the properties into the job's configuration. */
    void applyTo(Configuration conf) {
        KafkaClientConfig.applyTo(conf, properties());
    }
}
