package fr.joignable.domain.kafka;

/**
 * A Kafka broker this process started for itself (the demo's, the tests'): where to reach it, its
 * topics, and stopping it. Implemented by {@code fr.joignable.devkit.EmbeddedKafka}, which the demo
 * loads from its own class path so that the command line carries no broker.
 */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} of the broker. */
    String bootstrapServers();

    /** Creates topics (if absent) with the given number of partitions, replication 1. */
    void createTopics(int partitions, String... topics) throws Exception;
}
