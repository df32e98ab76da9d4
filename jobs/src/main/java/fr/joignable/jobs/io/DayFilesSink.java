package fr.joignable.jobs.io;

import fr.joignable.domain.table.DayPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Bounded runs: one table under a local directory, partitioned by UTC day like {@link
 * ParquetTables#sink}, with <b>one file open at a time</b>. Its input must arrive grouped by day
 * (the bounded run sorts it so, {@code ParquetSinks}): when the day changes, the day's file is
 * finished and its writer's buffers freed. {@link org.apache.flink.connector.file.sink.FileSink}
 * keeps one writer per day until the end of input, about 1 MB of column buffers each: four tables ×
 * 1,826 days held five years' run above 2 GB (docs/kpi-job.md). Files are hidden ({@code
 * .part-…inprogress}) until the end of input, then renamed {@code part-….parquet}. Each file is
 * written through a buffer ({@link BufferedFileOutput}).
 */
public final class DayFilesSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String tableDir;
    private final BulkWriter.Factory<T> format;
    private final ParquetTables.DayOf<T> dayOf;

    DayFilesSink(Path tableDir, BulkWriter.Factory<T> format, ParquetTables.DayOf<T> dayOf) {
        this.tableDir = tableDir.toAbsolutePath().toString();
        this.format = format;
        this.dayOf = dayOf;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new DayWriter(context.getTaskInfo().getIndexOfThisSubtask());
    }

    private final class DayWriter implements SinkWriter<T> {
        private final String prefix;
        private final List<Path[]> finished = new ArrayList<>(); // {hidden, final}
        private String day;
        private Path[] current;
        private FSDataOutputStream stream;
        private BulkWriter<T> writer;
        private int count;
        private boolean committed;

        DayWriter(int subtask) {
            this.prefix = "part-" + UUID.randomUUID() + "-" + subtask + "-";
        }

        @Override
        public void write(T element, Context context) throws IOException {
            String d = DayPartition.ofMillis(dayOf.millis(element)).directoryName();
            if (!d.equals(day)) {
                finishCurrent();
                open(d);
            }
            writer.addElement(element);
        }

        private void open(String d) throws IOException {
            Path dir = Path.of(tableDir, d);
            Files.createDirectories(dir);
            String name = prefix + count++ + ".parquet";
            current = new Path[] {dir.resolve("." + name + ".inprogress"), dir.resolve(name)};
            stream = new BufferedFileOutput(current[0]);
            writer = format.create(stream);
            day = d;
        }

        private void finishCurrent() throws IOException {
            if (writer == null) {
                return;
            }
            // as the file sink's part writer: the Parquet writer does not close the stream
            writer.flush();
            writer.finish();
            stream.close();
            finished.add(current);
            writer = null;
            stream = null;
            current = null;
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (!endOfInput || committed) {
                return;
            }
            finishCurrent();
            for (Path[] f : finished) {
                Files.move(f[0], f[1], StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            // a failed run leaves no hidden part behind
            try {
                if (stream != null) {
                    stream.close();
                    finished.add(current);
                }
                for (Path[] f : finished) {
                    Files.deleteIfExists(f[0]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
