package fr.joignable.jobs.io;

import fr.joignable.jobs.model.JobEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads JSON Lines files (gzip and the other compressions of Flink's file source are undone from
 * the file's name) as <em>bytes</em>, one line at a time, and decodes each line with the event
 * codec: invalid UTF-8 stays visible to the codec, which rejects it. Blank lines are skipped but
 * counted: a line's number is one more than the number of {@code \n} bytes before it, whoever reads
 * it.
 *
 * <p><b>Splits.</b> With {@link #source(List, boolean) splitting on}, an uncompressed file is cut
 * into byte ranges ({@link LineRangeEnumerator}, one per source subtask) read in parallel. A line
 * belongs to the range its first byte lies in: a reader after the first starts at the first line
 * that begins at or after its range's start, and reads its last line to the end even past the
 * range. Before reading, such a reader counts the {@code \n} bytes before its first line (a word at
 * a time: ≈ 0.1 s for 300 MB), so rejected lines carry the same numbers as in one pass. A
 * compressed file is one split (it cannot be entered in the middle). Splitting is for the bounded
 * run, whose result does not depend on the order of lines; judging lateness per file in line order
 * needs one reader per file, so the caller turns it off then.
 *
 * <p>Every split of a file has the same {@code source}, an id per input file ({@code file-1}, …, in
 * the order the files were given), never its name.
 */
public final class JsonlEventFormat implements BulkFormat<JobEvent, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    /** Records per batch handed from the fetcher thread to the task: ≈ 150 KB of lines. */
    static final int BATCH_RECORDS = 1024;

    /** Ids of files not among those given (a directory's files), one per path in this JVM. */
    private static final Map<String, String> OTHER_IDS = new ConcurrentHashMap<>();

    private static final AtomicLong OTHER_FILES = new AtomicLong();

    private final HashMap<String, String> sourceIds;

    /**
     * @param sourceIds {@code source} id by file ({@link #key(Path)})
     */
    JsonlEventFormat(Map<String, String> sourceIds) {
        this.sourceIds = new HashMap<>(sourceIds);
    }

    /**
     * A bounded file source over {@code files}; {@code splitPlainFiles}: uncompressed files are
     * read as parallel byte ranges (the bounded run), else every file by one reader in line order.
     */
    public static FileSource<JobEvent> source(
            List<java.nio.file.Path> files, boolean splitPlainFiles) {
        Path[] paths = new Path[files.size()];
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < paths.length; i++) {
            paths[i] = new Path(files.get(i).toAbsolutePath().toUri());
            ids.putIfAbsent(key(paths[i]), "file-" + (i + 1));
        }
        FileSource.FileSourceBuilder<JobEvent> builder =
                FileSource.forBulkFileFormat(new JsonlEventFormat(ids), paths);
        builder.setFileEnumerator(
                splitPlainFiles
                        ? LineRangeEnumerator::new
                        : FileSource.DEFAULT_NON_SPLITTABLE_FILE_ENUMERATOR);
        return builder.build();
    }

    static String key(Path path) {
        return path.toUri().getPath();
    }

    private String sourceId(Path path) {
        String id = sourceIds.get(key(path));
        if (id != null) {
            return id;
        }
        return OTHER_IDS.computeIfAbsent(
                key(path), k -> "file-" + (sourceIds.size() + OTHER_FILES.incrementAndGet()));
    }

    @Override
    public Reader<JobEvent> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return SplitReader.open(split, sourceId(split.path()), split.offset(), 0);
    }

    @Override
    public Reader<JobEvent> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        CheckpointedPosition at = split.getReaderPosition().orElseThrow();
        long offset =
                at.getOffset() == CheckpointedPosition.NO_OFFSET ? split.offset() : at.getOffset();
        return SplitReader.open(split, sourceId(split.path()), offset, at.getRecordsAfterOffset());
    }

    /** Whether a file may be split; the enumerator decides ({@link LineRangeEnumerator}). */
    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<JobEvent> getProducedType() {
        return TypeInformation.of(JobEvent.class);
    }

    static boolean compressed(Path path) {
        return StandardDeCompressors.getDecompressorForFileName(path.getPath()) != null;
    }

    /**
     * Cuts each uncompressed file into as many byte ranges as the source has subtasks, each at
     * least {@link #MIN_SPLIT_BYTES}; a compressed file is one split.
     */
    static final class LineRangeEnumerator implements FileEnumerator, Serializable {
        private static final long serialVersionUID = 1L;

        /** Below this a range is not worth a reader (and the count of the lines before it). */
        static final long MIN_SPLIT_BYTES = 4L << 20;

        private int nextId;

        @Override
        public List<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits)
                throws IOException {
            List<FileSourceSplit> splits = new ArrayList<>();
            for (Path path : paths) {
                FileSystem fs = path.getFileSystem();
                addSplits(fs, fs.getFileStatus(path), Math.max(1, minDesiredSplits), splits);
            }
            return splits;
        }

        private void addSplits(
                FileSystem fs,
                org.apache.flink.core.fs.FileStatus status,
                int pieces,
                List<FileSourceSplit> splits)
                throws IOException {
            if (status.isDir()) {
                for (org.apache.flink.core.fs.FileStatus child : fs.listStatus(status.getPath())) {
                    String name = child.getPath().getName();
                    if (!name.startsWith(".") && !name.startsWith("_")) {
                        addSplits(fs, child, pieces, splits);
                    }
                }
                return;
            }
            Path path = status.getPath();
            long size = status.getLen();
            int n =
                    compressed(path)
                            ? 1
                            : (int) Math.max(1, Math.min(pieces, size / MIN_SPLIT_BYTES));
            long start = 0;
            for (int i = 0; i < n; i++) {
                long end = i == n - 1 ? size : size / n * (i + 1);
                splits.add(
                        new FileSourceSplit(
                                Integer.toString(nextId++),
                                path,
                                start,
                                end - start,
                                status.getModificationTime(),
                                size));
                start = end;
            }
        }
    }

    /**
     * Reads the lines of one split: those that begin in {@code [from, split end)} of an
     * uncompressed file, every line of a compressed one. Positions for a checkpoint are (the start
     * of the batch's first line, records after it) for an uncompressed file, (0, records since the
     * start) for a compressed one.
     */
    static final class SplitReader implements BulkFormat.Reader<JobEvent> {
        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final InputStream in;
        private final String source;
        private final boolean compressed;
        private final long end;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;

        /** Offset in the file of {@code buf[0]} (uncompressed). */
        private long bufStart;

        /** Number of the last line read. */
        private long lineNumber;

        /** Records emitted since the start (compressed). */
        private long emitted;

        private SplitReader(InputStream in, String source, boolean compressed, long end) {
            this.in = in;
            this.source = source;
            this.compressed = compressed;
            this.end = end;
        }

        static SplitReader open(FileSourceSplit split, String source, long from, long skip)
                throws IOException {
            Path path = split.path();
            FSDataInputStream stream = path.getFileSystem().open(path);
            SplitReader reader;
            try {
                InflaterInputStreamFactory<?> inflater =
                        StandardDeCompressors.getDecompressorForFileName(path.getPath());
                if (inflater != null) {
                    reader = new SplitReader(inflater.create(stream), source, true, Long.MAX_VALUE);
                } else {
                    reader =
                            new SplitReader(stream, source, false, split.offset() + split.length());
                    reader.startAt(stream, path, from);
                }
                for (long i = 0; i < skip; i++) {
                    if (reader.next() == null) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
            return reader;
        }

        /** Goes to the first line that begins at or after {@code from}; counts the lines before. */
        private void startAt(FSDataInputStream stream, Path path, long from) throws IOException {
            if (from == 0) {
                return;
            }
            stream.seek(from - 1);
            bufStart = from - 1;
            while (true) {
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        pos = i + 1;
                        lineNumber = countNewlines(path, bufStart + pos);
                        return;
                    }
                }
                pos = limit;
                if (eof) {
                    return;
                }
                fill();
            }
        }

        /** The number of {@code \n} bytes in the file's first {@code length} bytes. */
        static long countNewlines(Path path, long length) throws IOException {
            long count = 0;
            byte[] chunk = new byte[1 << 20];
            try (FSDataInputStream s = path.getFileSystem().open(path)) {
                long left = length;
                while (left > 0) {
                    int n = s.read(chunk, 0, (int) Math.min(chunk.length, left));
                    if (n < 0) {
                        throw new IOException("file shorter than expected: " + path);
                    }
                    count += countNewlines(chunk, n);
                    left -= n;
                }
            }
            return count;
        }

        /** {@code \n} bytes in {@code b[0, n)}, eight at a time (a zero byte of x ^ 0x0A…). */
        static long countNewlines(byte[] b, int n) {
            long count = 0;
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
                long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
                count += Long.bitCount(~(t | x | 0x7F7F7F7F7F7F7F7FL));
            }
            for (; i < n; i++) {
                if (b[i] == '\n') {
                    count++;
                }
            }
            return count;
        }

        @Override
        public RecordIterator<JobEvent> readBatch() throws IOException {
            long offset = compressed ? 0 : bufStart + pos;
            long skipped = compressed ? emitted : 0;
            JobEvent[] batch = new JobEvent[BATCH_RECORDS];
            int n = 0;
            while (n < batch.length) {
                JobEvent e = next();
                if (e == null) {
                    break;
                }
                batch[n++] = e;
            }
            if (n == 0) {
                return null;
            }
            emitted += n;
            ArrayResultIterator<JobEvent> it = new ArrayResultIterator<>();
            it.set(batch, n, offset, skipped);
            return it;
        }

        /** The next event of this split, null at its end. */
        JobEvent next() throws IOException {
            while (true) {
                if (!compressed && bufStart + pos >= end) {
                    return null;
                }
                byte[] line = nextLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
                if (EventDecoder.isBlank(line, 0, line.length)) {
                    continue;
                }
                return EventDecoder.decode(line, source, lineNumber);
            }
        }

        /** Splits the byte stream at {@code \n}; strips one trailing {@code \r}. */
        private byte[] nextLine() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        byte[] line = Arrays.copyOfRange(buf, pos, lineEnd);
                        pos = i + 1;
                        return line;
                    }
                }
                if (eof) {
                    if (pos >= limit) {
                        return null;
                    }
                    int lineEnd = buf[limit - 1] == '\r' ? limit - 1 : limit;
                    byte[] line = Arrays.copyOfRange(buf, pos, lineEnd);
                    pos = limit;
                    return line;
                }
                scan = limit - pos;
                fill();
            }
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                bufStart += pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
