package fr.joignable.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * An embedded Kafka broker with a {@code SASL_SSL} listener as a managed cluster has one: TLS with
 * a self-signed certificate made here with the JDK's {@code keytool} (CN and SAN {@code
 * localhost}), SCRAM-SHA-256 authentication of a user created through the Admin API.
 *
 * <p>The broker also keeps a PLAINTEXT listener for its controller and for the test's own set-up
 * (topics, the SCRAM user); clients given {@link #secureBootstrap()} only ever see the secured
 * listener (a client's metadata lists the listener it connected to).
 */
final class SecuredKafka implements AutoCloseable {

    static final String USER = "joignable-it";
    private static final String SECURE = "SECURE";

    private final KafkaClusterTestKit cluster;
    private final String password;
    private final Path truststore;
    private final String truststorePassword;

    private SecuredKafka(
            KafkaClusterTestKit cluster, String password, Path truststore, String tsPassword) {
        this.cluster = cluster;
        this.password = password;
        this.truststore = truststore;
        this.truststorePassword = tsPassword;
    }

    /** Certificates under {@code dir}, broker started, SCRAM user created. */
    static SecuredKafka start(Path dir) throws Exception {
        String storePassword = "ks-" + Long.toHexString(System.nanoTime());
        String trustPassword = "ts-" + Long.toHexString(System.nanoTime() * 31);
        Path keystore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                storePassword,
                "-keypass",
                storePassword);
        keytool(
                "-exportcert",
                "-alias",
                "broker",
                "-keystore",
                keystore.toString(),
                "-storepass",
                storePassword,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                cert.toString(),
                "-keystore",
                truststore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                trustPassword);

        String l = "listener.name." + SECURE.toLowerCase() + ".";
        KafkaClusterTestKit cluster =
                new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .setBrokerListenerName(new ListenerName("EXTERNAL"))
                                        .setControllerListenerName(new ListenerName("CONTROLLER"))
                                        .build())
                        .setConfigProp(
                                "listeners",
                                "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                                        + SECURE
                                        + "://localhost:0")
                        .setConfigProp(
                                "listener.security.protocol.map",
                                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + SECURE + ":SASL_SSL")
                        .setConfigProp("inter.broker.listener.name", "EXTERNAL")
                        .setConfigProp(l + "sasl.enabled.mechanisms", "SCRAM-SHA-256")
                        .setConfigProp(
                                l + "scram-sha-256.sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule"
                                        + " required;")
                        .setConfigProp(l + "ssl.keystore.location", keystore.toString())
                        .setConfigProp(l + "ssl.keystore.type", "PKCS12")
                        .setConfigProp(l + "ssl.keystore.password", storePassword)
                        .setConfigProp(l + "ssl.key.password", storePassword)
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("transaction.state.log.num.partitions", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setDeleteOnClose(true)
                        .build();
        String password = "scram-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = plainAdmin(cluster)) {
                admin.alterUserScramCredentials(
                                List.of(
                                        new UserScramCredentialUpsertion(
                                                USER,
                                                new ScramCredentialInfo(
                                                        ScramMechanism.SCRAM_SHA_256, 4096),
                                                password)))
                        .all()
                        .get();
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new SecuredKafka(cluster, password, truststore, trustPassword);
    }

    private static Admin plainAdmin(KafkaClusterTestKit cluster) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    /** The SASL_SSL listener. */
    String secureBootstrap() {
        int port = cluster.brokers().values().iterator().next().boundPort(new ListenerName(SECURE));
        return "localhost:" + port;
    }

    /** The SCRAM user's password (what an operator would keep in a secret store). */
    String password() {
        return password;
    }

    /** A standard {@code client.properties} for the secured listener, with the given password. */
    String clientProperties(String password) {
        return String.join(
                "\n",
                "# a client.properties as a managed Kafka's documentation gives it",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-256",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\""
                        + USER
                        + "\" password=\""
                        + password
                        + "\";",
                "ssl.truststore.location=" + truststore.toString().replace("\\", "\\\\"),
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.password=" + truststorePassword,
                "");
    }

    /** Client properties (bootstrap included) for the secured listener. */
    Map<String, Object> secureClient() throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(clientProperties(password)));
        Map<String, Object> m = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        m.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secureBootstrap());
        return m;
    }

    /** Creates topics through the PLAINTEXT set-up listener. */
    void createTopics(int partitions, String... topics)
            throws ExecutionException, InterruptedException {
        try (Admin admin = plainAdmin(cluster)) {
            List<NewTopic> list = new ArrayList<>();
            for (String t : topics) {
                list.add(new NewTopic(t, partitions, (short) 1));
            }
            admin.createTopics(list).all().get();
        }
    }

    String truststorePassword() {
        return truststorePassword;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
