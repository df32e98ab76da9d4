package fr.joignable.jobs.io;

import fr.joignable.domain.kafka.KafkaClientProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The Flink side of {@link KafkaClientProperties} (where the checking lives, Flink-free, shared
 * with the wallboard): the standard Kafka client properties an operator gives once for every client
 * Joignable makes (the job's source and sinks, the wallboard's consumer): security ({@code
 * security.protocol}, {@code sasl.*}, {@code ssl.*}), timeouts, client ids, compression. Read from
 * a {@code client.properties} file ({@code --kafka-config}) and {@code key=value} overrides ({@code
 * -X}); later values win.
 *
 * <p>Keys are checked against the Kafka client's own list (producer, consumer and admin): a typo
 * fails at start rather than being ignored. Keys Joignable sets itself (bootstrap servers, group
 * id, (de)serialisers, transactions, offsets, isolation) are refused, since changing them would
 * break exactly-once. Values are never printed: {@link #describe} shows sensitive ones as {@code
 * [hidden]}.
 *
 * <p>In a Flink {@link Configuration} the properties travel as {@code joignable.kafka.<key>}; Flink
 * hides the values of keys containing {@code password}, {@code secret} or {@code jaas.config} in
 * its logs and web UI.
 */
public final class KafkaClientConfig {

    /** Prefix of the properties in a Flink configuration. */
    public static final String PREFIX = "joignable.kafka.";

    /** Keys Joignable sets itself; the reason is given in the error. */
    static final Map<String, String> RESERVED = KafkaClientProperties.RESERVED;

    private KafkaClientConfig() {}

    /** See {@link KafkaClientProperties#of}. */
    public static Map<String, String> of(Path file, List<String> overrides) {
        return KafkaClientProperties.of(file, overrides);
    }

    /** Whether the value of {@code key} must never be shown. */
    public static boolean isSensitive(String key) {
        return KafkaClientProperties.isSensitive(key);
    }

    /** {@code key=value, ...} with sensitive values as {@code [hidden]}: safe to print. */
    public static String describe(Map<String, String> props) {
        return KafkaClientProperties.describe(props);
    }

    /** Stores the properties in a Flink configuration (under {@link #PREFIX}). */
    public static void applyTo(Configuration conf, Map<String, String> props) {
        for (Map.Entry<String, String> e : props.entrySet()) {
            conf.set(
                    ConfigOptions.key(PREFIX + e.getKey()).stringType().noDefaultValue(),
                    e.getValue());
        }
    }

    /** The properties stored by {@link #applyTo} (an empty map when none). */
    public static Map<String, String> from(Configuration conf) {
        Map<String, String> props = new TreeMap<>();
        for (Map.Entry<String, String> e : conf.toMap().entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                props.put(e.getKey().substring(PREFIX.length()), e.getValue());
            }
        }
        return props;
    }

    /** The properties as {@link Properties}, for a client builder. */
    public static Properties toProperties(Map<String, String> props) {
        return KafkaClientProperties.toProperties(props);
    }
}
