package fr.joignable.jobs.io;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records without the element's event time as Kafka timestamp, so the broker stamps them
 * when written. Otherwise KPI rows of a replayed or corrected past period carry old timestamps and
 * time-based retention deletes them within minutes.
 */
public final class ProcessingTimeRecords<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final KafkaRecordSerializationSchema<T> delegate;

    public ProcessingTimeRecords(KafkaRecordSerializationSchema<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void open(
            SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
            throws Exception {
        delegate.open(context, sinkContext);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        ProducerRecord<byte[], byte[]> record = delegate.serialize(element, context, timestamp);
        return record == null
                ? null
                : new ProducerRecord<>(
                        record.topic(),
                        record.partition(),
                        null,
                        record.key(),
                        record.value(),
                        record.headers());
    }
}
