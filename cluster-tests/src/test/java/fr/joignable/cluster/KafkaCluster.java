package fr.joignable.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A three-broker KRaft Kafka cluster in this JVM ({@link KafkaClusterTestKit}): three brokers and
 * one KRaft controller on loopback with random ports, replication 3 and {@code min.insync.replicas}
 * 2 for every topic (the internal offsets and transaction-state topics included), so that losing
 * one broker loses nothing and blocks nothing.
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int BROKERS = 3;
    public static final short REPLICATION = 3;

    private final KafkaClusterTestKit kit;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /** Formats and starts the cluster, data under {@code baseDir}; waits for the brokers. */
    public static KafkaCluster start(Path baseDir) throws Exception {
        KafkaClusterTestKit kit =
                new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        // combined nodes with a 3-voter quorum hit a raft
                                        // UpdateVoter error in the 4.2.0 test kit
                                        .setCombined(false)
                                        .setNumBrokerNodes(BROKERS)
                                        .setNumControllerNodes(1)
                                        .setBaseDirectory(baseDir)
                                        .build())
                        .setConfigProp("default.replication.factor", "3")
                        .setConfigProp("min.insync.replicas", "2")
                        .setConfigProp("offsets.topic.replication.factor", "3")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "3")
                        .setConfigProp("transaction.state.log.min.isr", "2")
                        .setConfigProp("transaction.state.log.num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return new KafkaCluster(kit);
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /**
     * Creates topics with {@code partitions} partitions, replication 3, min ISR 2, and waits for
     * them.
     */
    public void createTopics(int partitions, String... names) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(
                            java.util.Arrays.stream(names)
                                    .map(
                                            n ->
                                                    new NewTopic(n, partitions, REPLICATION)
                                                            .configs(
                                                                    Map.of(
                                                                            "min.insync.replicas",
                                                                            "2")))
                                    .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
            waitForLeaders(admin, List.of(names));
        }
    }

    /** An admin client on this cluster (close it). */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    private static void waitForLeaders(Admin admin, List<String> names) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            boolean ready =
                    admin
                            .describeTopics(names)
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .values()
                            .stream()
                            .flatMap(d -> d.partitions().stream())
                            .allMatch(p -> p.leader() != null && p.isr().size() >= 2);
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " without leaders after 60 s");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
