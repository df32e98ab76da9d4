package fr.joignable.jobs.io;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.table.DayPartition;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import java.io.IOException;
import java.io.Serializable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.formats.parquet.avro.AvroParquetWriters;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet tables of {@code docs/DEVELOPING.md}: Avro schemas (timestamps as {@code
 * timestamp-millis}, undefined values as null) and {@link FileSink}s writing {@code
 * DIR/<table>/day=YYYY-MM-DD/*.parquet}. Files in progress are hidden (dot-prefixed) until
 * committed.
 */
public final class ParquetTables {

    private ParquetTables() {}

    private static final String TS = "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
    private static final String NULL_TS =
            "[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]";

    public static final String CONTACT_SCHEMA =
            record(
                    "contact_intervals",
                    field("interval_start", TS),
                    field("queue", "\"string\""),
                    field("channel", "\"string\""),
                    field("offered", "\"long\""),
                    field("answered", "\"long\""),
                    field("short_abandoned", "\"long\""),
                    field("abandoned", "\"long\""),
                    field("answered_in_sl", "\"long\""),
                    optional("service_level", "double"),
                    optional("abandon_rate", "double"),
                    optional("asa_s", "double"),
                    field("handled", "\"long\""),
                    optional("aht_s", "double"),
                    field("identified", "\"long\""),
                    field("duplicates", "\"long\""),
                    field("duplicates_after_abandon", "\"long\""),
                    optional("duplicate_rate", "double"),
                    field("diverted", "\"long\""),
                    field("closed", "\"long\""));

    public static final String AGENT_SCHEMA =
            record(
                    "agent_intervals",
                    field("interval_start", TS),
                    field("team", "\"string\""),
                    field("staffed_s", "\"double\""),
                    field("ready_s", "\"double\""),
                    field("busy_s", "\"double\""),
                    field("wrap_s", "\"double\""),
                    field("not_ready_s", "\"double\""),
                    optional("occupancy", "double"));

    public static final String INTENT_SCHEMA =
            record(
                    "intent_intervals",
                    field("interval_start", TS),
                    field("queue", "\"string\""),
                    field("channel", "\"string\""),
                    field("intent", "\"string\""),
                    field("offered", "\"long\""),
                    field("identified", "\"long\""),
                    field("abandoned", "\"long\""),
                    field("duplicates", "\"long\""),
                    field("duplicates_after_abandon", "\"long\""),
                    field("diverted", "\"long\""),
                    field("closed", "\"long\""));

    public static final String HANDOFF_SCHEMA =
            record(
                    "handoffs",
                    field("handoff_id", "\"string\""),
                    field("contact_id", "\"string\""),
                    field("created_at", TS),
                    field("closed_at", NULL_TS),
                    field("target", "\"string\""),
                    optional("residence_id", "string"),
                    optional("queue", "string"),
                    optional("intent", "string"),
                    optional("closing_s", "double"));

    private static String record(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\""
                + name
                + "\",\"namespace\":\"fr.joignable\",\"fields\":["
                + String.join(",", fields)
                + "]}";
    }

    private static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    private static String optional(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":[\"null\",\"" + type + "\"],\"default\":null}";
    }

    /** Turns a row into an Avro record of a schema. */
    @FunctionalInterface
    public interface ToRecord<T> extends Serializable {
        void fill(T row, GenericRecord record);
    }

    public static void contact(ContactIntervalRow r, GenericRecord g) {
        g.put("interval_start", r.intervalStart().toEpochMilli());
        g.put("queue", r.queue());
        g.put("channel", r.channel().name());
        g.put("offered", r.offered());
        g.put("answered", r.answered());
        g.put("short_abandoned", r.shortAbandoned());
        g.put("abandoned", r.abandoned());
        g.put("answered_in_sl", r.answeredInSl());
        g.put("service_level", r.serviceLevel());
        g.put("abandon_rate", r.abandonRate());
        g.put("asa_s", r.asaS());
        g.put("handled", r.handled());
        g.put("aht_s", r.ahtS());
        g.put("identified", r.identified());
        g.put("duplicates", r.duplicates());
        g.put("duplicates_after_abandon", r.duplicatesAfterAbandon());
        g.put("duplicate_rate", r.duplicateRate());
        g.put("diverted", r.diverted());
        g.put("closed", r.closed());
    }

    public static void agent(AgentIntervalRow r, GenericRecord g) {
        g.put("interval_start", r.intervalStart().toEpochMilli());
        g.put("team", r.team());
        g.put("staffed_s", r.staffedS());
        g.put("ready_s", r.readyS());
        g.put("busy_s", r.busyS());
        g.put("wrap_s", r.wrapS());
        g.put("not_ready_s", r.notReadyS());
        g.put("occupancy", r.occupancy());
    }

    public static void intent(IntentRow r, GenericRecord g) {
        g.put("interval_start", r.intervalStart);
        g.put("queue", r.queue);
        g.put("channel", r.channel);
        g.put("intent", r.intent);
        g.put("offered", r.offered);
        g.put("identified", r.identified);
        g.put("abandoned", r.abandoned);
        g.put("duplicates", r.duplicates);
        g.put("duplicates_after_abandon", r.duplicatesAfterAbandon);
        g.put("diverted", r.diverted);
        g.put("closed", r.closed);
    }

    public static void handoff(HandoffRow r, GenericRecord g) {
        g.put("handoff_id", r.handoffId);
        g.put("contact_id", r.contactId);
        g.put("created_at", r.createdAt);
        g.put("closed_at", r.closedAt);
        g.put("target", r.target);
        g.put("residence_id", r.residenceId);
        g.put("queue", r.queue);
        g.put("intent", r.intent);
        g.put("closing_s", r.closingS);
    }

    /** A file sink of one table, partitioned by the UTC day of {@code dayOf}. */
    public static <T> FileSink<T> sink(
            java.nio.file.Path dir,
            String table,
            String schema,
            ToRecord<T> toRecord,
            DayOf<T> dayOf) {
        return sink(new Path(dir.resolve(table).toUri()), schema, toRecord, dayOf);
    }

    /**
     * A file sink of one table under a directory given as a Flink path or URI ({@code file:///...},
     * {@code s3://...}): any file system the cluster has a plugin for.
     */
    public static <T> FileSink<T> sink(
            Path dir, String table, String schema, ToRecord<T> toRecord, DayOf<T> dayOf) {
        return sink(new Path(dir, table), schema, toRecord, dayOf);
    }

    private static <T> FileSink<T> sink(
            Path tableDir, String schema, ToRecord<T> toRecord, DayOf<T> dayOf) {
        return FileSink.forBulkFormat(tableDir, new Mapping<>(schema, toRecord))
                .withBucketAssigner(new DayBuckets<>(dayOf))
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".parquet")
                                .build())
                .build();
    }

    /**
     * Bounded runs: the same table, files and partitions as {@link #sink}, written one day's file
     * at a time; the rows must arrive grouped by {@code dayOf}'s UTC day ({@link DayFilesSink}).
     */
    public static <T> DayFilesSink<T> daySink(
            java.nio.file.Path dir,
            String table,
            String schema,
            ToRecord<T> toRecord,
            DayOf<T> dayOf) {
        return new DayFilesSink<>(dir.resolve(table), new Mapping<>(schema, toRecord), dayOf);
    }

    /** The epoch millis whose UTC day partitions a row. */
    @FunctionalInterface
    public interface DayOf<T> extends Serializable {
        long millis(T row);
    }

    static final class DayBuckets<T> implements BucketAssigner<T, String> {
        private static final long serialVersionUID = 1L;
        private final DayOf<T> dayOf;

        DayBuckets(DayOf<T> dayOf) {
            this.dayOf = dayOf;
        }

        @Override
        public String getBucketId(T element, Context context) {
            return DayPartition.ofMillis(dayOf.millis(element)).directoryName();
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }

    /** The codec of every table: ZSTD (level 3), read by DuckDB, Spark, pandas and Trino alike. */
    public static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;

    /**
     * A parquet-avro writer factory as {@link AvroParquetWriters#forGenericRecord} makes, but
     * compressed with {@link #CODEC} (Flink's own writes UNCOMPRESSED).
     */
    static ParquetWriterFactory<GenericRecord> compressed(String schema) {
        return new ParquetWriterFactory<>(
                out -> {
                    // no core-default.xml: parsing it for every day's file was a tenth of the
                    // writers' time, and none of its keys is Parquet's
                    org.apache.hadoop.conf.Configuration conf =
                            new org.apache.hadoop.conf.Configuration(false);
                    return AvroParquetWriter.<GenericRecord>builder(out)
                            .withSchema(new Schema.Parser().parse(schema))
                            .withDataModel(GenericData.get())
                            .withCompressionCodec(CODEC)
                            .withConf(conf)
                            .withCodecFactory(codecs(conf))
                            .build();
                });
    }

    /**
     * The codecs of one file, released when its writer closes: Parquet's direct codec factory,
     * whose ZSTD compressor keeps one native context for all the file's pages. The default one
     * opens a ZSTD stream, and a new context, per page; a level-3 context clears about 1 MB of
     * tables when it starts, and a day's file has a page or two per column: that clearing was most
     * of the writers' compression time (docs/kpi-job.md, "ninth round"). Same codec and level, so
     * the same frames for any reader; the buffers are off-heap and freed at close.
     */
    static CompressionCodecFactory codecs(org.apache.hadoop.conf.Configuration conf) {
        return CodecFactory.createDirectCodecFactory(
                conf, new DirectByteBufferAllocator(), ParquetProperties.DEFAULT_PAGE_SIZE);
    }

    /** Maps rows to Avro records and writes them with parquet-avro. */
    static final class Mapping<T> implements BulkWriter.Factory<T> {
        private static final long serialVersionUID = 1L;
        private final String schema;
        private final ToRecord<T> toRecord;
        private final BulkWriter.Factory<GenericRecord> delegate;

        Mapping(String schema, ToRecord<T> toRecord) {
            this.schema = schema;
            this.toRecord = toRecord;
            this.delegate = compressed(schema);
        }

        @Override
        public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
            BulkWriter<GenericRecord> writer = delegate.create(out);
            Schema parsed = new Schema.Parser().parse(schema);
            return new BulkWriter<>() {
                @Override
                public void addElement(T element) throws IOException {
                    GenericRecord g = new GenericData.Record(parsed);
                    toRecord.fill(element, g);
                    writer.addElement(g);
                }

                @Override
                public void flush() throws IOException {
                    writer.flush();
                }

                @Override
                public void finish() throws IOException {
                    writer.finish();
                }
            };
        }
    }
}
