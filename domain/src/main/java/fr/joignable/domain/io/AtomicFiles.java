package fr.joignable.domain.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files so that they appear complete or not at all: the content goes to a hidden
 * temporary file beside the target, which is renamed over the target only once fully written.
 */
public final class AtomicFiles {

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
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.accept(out);
            }
            move(tmp, absolute);
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

    /** A temporary sibling of {@code target}, hidden (dot-prefixed) so readers skip it. */
    public static Path tempFor(Path target) {
        Path absolute = target.toAbsolutePath();
        String name = "." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid();
        return absolute.resolveSibling(name);
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
