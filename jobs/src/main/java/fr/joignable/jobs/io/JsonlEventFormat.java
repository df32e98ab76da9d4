package fr.joignable.jobs.io;

import fr.joignable.jobs.model.JobEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSON Lines file (gzip is undone by the file source from the {@code .gz} name) as
 * <em>bytes</em>, one line at a time, and decodes each line with the event codec: invalid UTF-8
 * stays visible to the codec, which rejects it. Blank lines are skipped. A file is one split, read
 * in line order by one reader, so lateness can be judged per file.
 */
public final class JsonlEventFormat extends SimpleStreamFormat<JobEvent> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong FILES = new AtomicLong();

    @Override
    public Reader<JobEvent> createReader(Configuration config, FSDataInputStream stream) {
        return new LineReader(stream, "file-" + FILES.incrementAndGet());
    }

    @Override
    public TypeInformation<JobEvent> getProducedType() {
        return TypeInformation.of(JobEvent.class);
    }

    /** Splits a byte stream at {@code \n}; strips one trailing {@code \r}. */
    static final class LineReader implements Reader<JobEvent> {
        private final InputStream in;
        private final String source;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;
        private long lineNumber;

        LineReader(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public JobEvent read() throws IOException {
            while (true) {
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

        private byte[] nextLine() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        byte[] line = Arrays.copyOfRange(buf, pos, end);
                        pos = i + 1;
                        return line;
                    }
                }
                if (eof) {
                    if (pos >= limit) {
                        return null;
                    }
                    int end = buf[limit - 1] == '\r' ? limit - 1 : limit;
                    byte[] line = Arrays.copyOfRange(buf, pos, end);
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
