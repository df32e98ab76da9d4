package fr.joignable.jobs.io;

import fr.joignable.jobs.model.JobEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a Kafka record value (UTF-8 JSON bytes) with the event codec; the source of an event is
 * its partition, so lateness is judged per partition, like per file in a bounded run.
 */
public final class KafkaEventDeserializer implements KafkaRecordDeserializationSchema<JobEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<JobEvent> out) {
        byte[] value = record.value();
        if (value == null || EventDecoder.isBlank(value, 0, value.length)) {
            return;
        }
        out.collect(
                EventDecoder.decode(
                        value, record.topic() + "-" + record.partition(), record.offset() + 1));
    }

    @Override
    public TypeInformation<JobEvent> getProducedType() {
        return TypeInformation.of(JobEvent.class);
    }
}
