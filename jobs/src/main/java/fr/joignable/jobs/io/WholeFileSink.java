package fr.joignable.jobs.io;

import fr.joignable.domain.io.AtomicFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Bounded runs: gathers every element and, at the end of the input, writes one file through {@link
 * AtomicFiles} (complete or absent): an optional header line, then one line per element, sorted
 * when a comparator is given. Run it at parallelism 1.
 */
public final class WholeFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** Formats one element as a line, without terminator. */
    @FunctionalInterface
    public interface LineFormat<T> extends Serializable {
        String line(T element);
    }

    private final String target;
    private final String header;
    private final LineFormat<T> format;
    private final Comparator<T> order;

    public WholeFileSink(Path target, String header, LineFormat<T> format, Comparator<T> order) {
        this.target = target.toAbsolutePath().toString();
        this.header = header;
        this.format = format;
        this.order = order;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            private final List<T> elements = new ArrayList<>();
            private boolean written;

            @Override
            public void write(T element, Context ctx) {
                elements.add(element);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                if (!endOfInput || written) {
                    return;
                }
                written = true;
                if (order != null) {
                    elements.sort(order);
                }
                AtomicFiles.writeText(Path.of(target), this::writeAll);
                elements.clear();
            }

            private void writeAll(Writer w) throws IOException {
                if (header != null) {
                    w.write(header);
                    w.write('\n');
                }
                for (T e : elements) {
                    w.write(format.line(e));
                    w.write('\n');
                }
            }

            @Override
            public void close() {}
        };
    }
}
