package fr.joignable.inputs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a growing text file like {@code tail -F}: only complete lines are returned (a partial
 * last line waits for its newline); when the name points to a new file (rotation by rename), the
 * old file is read to its end first, then the new one from its start; when the file shrinks below
 * the position (truncation, {@code copytruncate}), reading starts again at its start. A restart
 * from a saved {@link TailPosition} resumes in the same file if it is still there, under its name
 * or as {@code NAME.1}/{@code NAME.0} (the usual rotated names), else at the start of the current
 * file.
 */
public final class FileTail implements AutoCloseable {

    /** One complete line and the position just after it. */
    public record Line(String text, TailPosition after) {}

    private final Path path;
    private FileChannel channel;
    private String key;
    private long offset;
    private long line;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    public FileTail(Path path, TailPosition from) throws IOException {
        this.path = path;
        resume(from);
    }

    private void resume(TailPosition from) throws IOException {
        String current = keyOf(path);
        if (from != null && from.fileKey() != null && !from.fileKey().equals(current)) {
            for (String suffix : new String[] {".1", ".0"}) {
                Path rotated = path.resolveSibling(path.getFileName() + suffix);
                if (from.fileKey().equals(keyOf(rotated))) {
                    open(rotated, from.offset(), from.line());
                    return;
                }
            }
            from = null; // the file it was in is gone: start the current one
        }
        if (current != null) {
            long off = from == null ? 0 : from.offset();
            long ln = from == null ? 0 : from.line();
            if (Files.size(path) < off) {
                off = 0;
                ln = 0;
            }
            open(path, off, ln);
        }
    }

    private void open(Path p, long off, long ln) throws IOException {
        close();
        channel = FileChannel.open(p, StandardOpenOption.READ);
        key = keyOf(p);
        offset = off;
        line = ln;
        partial.reset();
        channel.position(off);
    }

    /** The position after the last line returned. */
    public TailPosition position() {
        return new TailPosition(path.toString(), key, offset, line);
    }

    /** Up to {@code max} complete lines now available (empty when none). */
    public List<Line> poll(int max) throws IOException {
        List<Line> out = new ArrayList<>();
        if (channel == null) {
            if (keyOf(path) == null) {
                return out;
            }
            open(path, 0, 0);
        }
        while (out.size() < max) {
            int before = out.size();
            readAvailable(out, max);
            if (out.size() > before) {
                continue;
            }
            // nothing more in this file now: rotated, truncated, or just idle?
            String now = keyOf(path);
            if (now == null) {
                break; // between the rename and the new file: wait
            }
            if (!now.equals(key)) {
                if (partial.size() > 0) { // the old file's last line had no newline
                    byte[] rest = partial.toByteArray();
                    emit(out, rest, rest.length);
                }
                open(path, 0, 0);
                continue;
            }
            if (Files.size(path) < offset) {
                open(path, 0, 0); // truncated in place
                continue;
            }
            break;
        }
        return out;
    }

    private void readAvailable(List<Line> out, int max) throws IOException {
        while (out.size() < max) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n <= 0) {
                return;
            }
            byte[] b = buffer.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    partial.write(b, start, i - start);
                    byte[] l = partial.toByteArray();
                    partial.reset();
                    emit(out, l, l.length + 1);
                    start = i + 1;
                    if (out.size() >= max) {
                        channel.position(offset); // what follows is read next time
                        return;
                    }
                }
            }
            partial.write(b, start, n - start);
        }
    }

    private void emit(List<Line> out, byte[] bytes, int consumed) {
        offset += consumed;
        line++;
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        out.add(new Line(new String(bytes, 0, end, StandardCharsets.UTF_8), position()));
    }

    /** The file system's identity of {@code p} (device and inode), or null if absent. */
    static String keyOf(Path p) throws IOException {
        try {
            Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return k == null ? "size-unknown" : k.toString();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
