package fr.joignable.domain.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes output files so that they appear complete or not at all: the content goes to a hidden
 * temporary file beside the target, forced to disk, then renamed over the target; the directory is
 * forced too, so that after a power cut the target is either the old file or the whole new one.
 * Temporary names are unique (two writers of one target, in one process or two, never share one).
 */
public final class AtomicFiles {

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {}

    /** Writes bytes through {@code body}, then publishes the file. */
    public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = tempFor(absolute);
        try {
            try (FileChannel channel =
                            FileChannel.open(
                                    tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                    OutputStream out = Channels.newOutputStream(channel)) {
                // writers often close the stream they are given (PDF, XLSX, gzip): keep the
                // channel open until its content is forced to disk
                OutputStream unclosable =
                        new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() throws IOException {
                                flush();
                            }
                        };
                body.accept(unclosable);
                unclosable.flush();
                channel.force(true);
            }
            move(tmp, absolute);
            forceDirectory(absolute.getParent());
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes UTF-8 text through {@code body}, then publishes the file. */
    public static void writeText(Path target, IoConsumer<Writer> body) throws IOException {
        write(
                target,
                out -> {
                    Writer writer =
                            new BufferedWriter(
                                    new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    body.accept(writer);
                    writer.flush();
                });
    }

    /**
     * A fresh temporary sibling name of {@code target}, hidden (dot-prefixed) so readers skip it,
     * unique by process id, a per-process counter and a random part.
     */
    public static Path tempFor(Path target) {
        Path absolute = target.toAbsolutePath();
        String name =
                "."
                        + absolute.getFileName()
                        + ".tmp-"
                        + ProcessHandle.current().pid()
                        + "-"
                        + COUNTER.incrementAndGet()
                        + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return absolute.resolveSibling(name);
    }

    /** Forces a directory's entries to disk where the platform allows (Linux does; some don't). */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the rename itself is already atomic
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system allows. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }
}
