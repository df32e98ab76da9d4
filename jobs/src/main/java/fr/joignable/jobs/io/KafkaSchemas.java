package fr.joignable.jobs.io;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.Problem;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Key and value serializers of the Kafka outputs (concrete classes: Flink infers their types). */
public final class KafkaSchemas {
    private KafkaSchemas() {}

    public static final class ContactKey implements SerializationSchema<ContactIntervalRow> {
        @Override
        public byte[] serialize(ContactIntervalRow r) {
            return KpiJson.contactKey(r);
        }
    }

    public static final class ContactValue implements SerializationSchema<ContactIntervalRow> {
        @Override
        public byte[] serialize(ContactIntervalRow r) {
            return KpiJson.contact(r);
        }
    }

    public static final class AgentKey implements SerializationSchema<AgentIntervalRow> {
        @Override
        public byte[] serialize(AgentIntervalRow r) {
            return KpiJson.agentKey(r);
        }
    }

    public static final class AgentValue implements SerializationSchema<AgentIntervalRow> {
        @Override
        public byte[] serialize(AgentIntervalRow r) {
            return KpiJson.agent(r);
        }
    }

    public static final class ProblemKey implements SerializationSchema<Problem> {
        @Override
        public byte[] serialize(Problem p) {
            return (p.source == null ? "" : p.source).getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class ProblemValue implements SerializationSchema<Problem> {
        @Override
        public byte[] serialize(Problem p) {
            return p.toJson().getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class LiveKey implements SerializationSchema<String> {
        @Override
        public byte[] serialize(String s) {
            return "live".getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class LiveValue implements SerializationSchema<String> {
        @Override
        public byte[] serialize(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Live-view records: key "live", stamped with the wall clock (not the event time). */
    public static final class LiveRecords
            implements org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema<
                    String> {
        private final String topic;

        public LiveRecords(String topic) {
            this.topic = topic;
        }

        @Override
        public org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> serialize(
                String element, KafkaSinkContext context, Long timestamp) {
            return new org.apache.kafka.clients.producer.ProducerRecord<>(
                    topic,
                    null,
                    null,
                    "live".getBytes(StandardCharsets.UTF_8),
                    element.getBytes(StandardCharsets.UTF_8));
        }
    }
}
