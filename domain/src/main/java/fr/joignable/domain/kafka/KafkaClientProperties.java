package fr.joignable.domain.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The standard Kafka client properties an operator gives once for every client Joignable makes (the
 * job's source and sinks, the wallboard's consumer): security ({@code security.protocol}, {@code
 * sasl.*}, {@code ssl.*}), timeouts, client ids, compression. Read from a {@code client.properties}
 * file ({@code --kafka-config}) and {@code key=value} overrides ({@code -X}); later values win.
 *
 * <p>Keys are checked against the Kafka client's own list (producer, consumer and admin): a typo
 * fails at start rather than being ignored. Keys Joignable sets itself (bootstrap servers, group
 * id, (de)serialisers, transactions, offsets, isolation) are refused, since changing them would
 * break exactly-once. Values are never printed: {@link #describe} shows sensitive ones as {@code
 * [hidden]}.
 */
public final class KafkaClientProperties {

    /** Keys Joignable sets itself; the reason is given in the error. */
    public static final Map<String, String> RESERVED =
            Map.ofEntries(
                    Map.entry("bootstrap.servers", "use --bootstrap-servers"),
                    Map.entry("group.id", "use --group-id"),
                    Map.entry("key.serializer", "set by joignable"),
                    Map.entry("value.serializer", "set by joignable"),
                    Map.entry("key.deserializer", "set by joignable"),
                    Map.entry("value.deserializer", "set by joignable"),
                    Map.entry("transactional.id", "set by joignable (exactly-once sinks)"),
                    Map.entry("enable.idempotence", "set by joignable (exactly-once sinks)"),
                    Map.entry("isolation.level", "set by joignable (read_committed)"),
                    Map.entry("enable.auto.commit", "offsets are kept in Flink's checkpoints"),
                    Map.entry("auto.offset.reset", "set by joignable"));

    private static final Set<String> KNOWN = known();

    private static final List<String> SENSITIVE =
            List.of("password", "secret", "jaas", "token", "credential", "key.pem", "keystore.key");

    private KafkaClientProperties() {}

    private static Set<String> known() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Collections.unmodifiableSet(names);
    }

    /**
     * The properties of {@code file} (Java properties syntax, UTF-8) then {@code overrides} ({@code
     * key=value} each), checked.
     *
     * @throws IllegalArgumentException naming the file, key or argument at fault (never a value)
     */
    public static Map<String, String> of(Path file, List<String> overrides) {
        Map<String, String> props = new TreeMap<>();
        if (file != null) {
            props.putAll(load(file));
        }
        if (overrides != null) {
            for (String assignment : overrides) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "-X takes KEY=VALUE (a Kafka client property), not '"
                                    + keyPart(assignment)
                                    + "'");
                }
                String key = assignment.substring(0, eq).trim();
                check(key, "-X " + key);
                props.put(key, assignment.substring(eq + 1));
            }
        }
        return Collections.unmodifiableMap(props);
    }

    private static String keyPart(String assignment) {
        // an argument without '=' is shown only if it looks like a key, never a value
        return assignment.matches("[A-Za-z0-9._-]{1,80}") ? assignment : "...";
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--kafka-config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--kafka-config "
                            + file
                            + ": cannot read it ("
                            + e.getClass().getSimpleName()
                            + ")");
        }
        Map<String, String> props = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            check(key, "--kafka-config " + file + ": " + key);
            props.put(key, p.getProperty(key));
        }
        return props;
    }

    private static void check(String key, String where) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty property name");
        }
        String reserved = RESERVED.get(key);
        if (reserved != null) {
            throw new IllegalArgumentException(where + " cannot be set here: " + reserved);
        }
        if (!KNOWN.contains(key)) {
            throw new IllegalArgumentException(
                    where + " is not a Kafka client property (see the producer/consumer docs)");
        }
    }

    /** Whether the value of {@code key} must never be shown. */
    public static boolean isSensitive(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String word : SENSITIVE) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code key=value, ...} with sensitive values as {@code [hidden]}: safe to print. */
    public static String describe(Map<String, String> props) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(props).entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey())
                    .append('=')
                    .append(isSensitive(e.getKey()) ? "[hidden]" : e.getValue());
        }
        return b.toString();
    }

    /** The properties as {@link Properties}, for a client builder. */
    public static Properties toProperties(Map<String, String> props) {
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }
}
