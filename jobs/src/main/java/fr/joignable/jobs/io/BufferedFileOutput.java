package fr.joignable.jobs.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * A new local file written through a buffer, with its position counted rather than asked of the
 * file. Flink's local file stream hands every write straight to the file and answers {@link
 * #getPos} with a system call; a Parquet writer makes thousands of small writes per file (its
 * footer is written by Thrift a field at a time) and asks the position before each page. Over a
 * year's 1,460 day files, those system calls were a third of the interval tables' wall time
 * (docs/kpi-job.md, "ninth round"). Fails if the file exists, like {@code WriteMode.NO_OVERWRITE}.
 */
final class BufferedFileOutput extends FSDataOutputStream {

    /** Bytes buffered before a write to the file: a day's file is tens of kilobytes. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final BufferedOutputStream out;
    private long pos;
    private boolean closed;

    BufferedFileOutput(Path file) throws IOException {
        this.channel =
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out =
                new BufferedOutputStream(
                        java.nio.channels.Channels.newOutputStream(channel), BUFFER_BYTES);
    }

    @Override
    public long getPos() {
        return pos;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        pos += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void sync() throws IOException {
        out.flush();
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
    }
}
