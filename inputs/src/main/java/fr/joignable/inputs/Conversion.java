package fr.joignable.inputs;

import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.privacy.TenantPseudonymizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Converts export files into interaction events: reads each input in turn ({@code .gz} too), in the
 * format given, through the mapping, pseudonymising tenant ids when asked, and writes JSON Lines
 * ({@code .gz} when the name ends so) atomically.
 */
public final class Conversion {

    /** What a conversion read, wrote and skipped. */
    public record Result(long linesRead, long events, Map<EventType, Long> byType, Skips skips) {

        /**
         * Lines read that are neither used, skipped nor blank/header: 0 unless something is wrong
         * (for the CSV formats, lines are CSV records: a quoted field may span lines).
         */
        public long unaccounted() {
            return linesRead - skips.usedLines() - skips.total() - skips.notDataLines();
        }

        /** The printed summary: counts, then each skip reason with its first places. */
        public String format() {
            StringBuilder b = new StringBuilder();
            b.append("lines read: ")
                    .append(linesRead)
                    .append(" (used ")
                    .append(skips.usedLines())
                    .append(", skipped ")
                    .append(skips.total())
                    .append(", blank or header ")
                    .append(skips.notDataLines())
                    .append(')')
                    .append('\n');
            if (unaccounted() != 0) {
                b.append("  ")
                        .append(unaccounted())
                        .append(" lines unaccounted for (a bug: please report it)\n");
            }
            b.append("events written: ").append(events);
            if (!byType.isEmpty()) {
                b.append(" (");
                boolean first = true;
                for (Map.Entry<EventType, Long> e : byType.entrySet()) {
                    b.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
                    first = false;
                }
                b.append(')');
            }
            b.append('\n');
            b.append("lines skipped: ").append(skips.total()).append('\n');
            for (String s : skips.summary()) {
                b.append("  ").append(s).append('\n');
            }
            return b.toString();
        }
    }

    private Conversion() {}

    /** Converts {@code inputs} into the events file {@code out}. */
    public static Result toFile(
            InputFormat format,
            List<Path> inputs,
            Mapping mapping,
            TenantPseudonymizer pseudonymizer,
            Path out,
            Skips skips)
            throws IOException {
        check(inputs);
        Result[] result = new Result[1];
        AtomicFiles.write(
                out,
                raw -> {
                    OutputStream os =
                            out.getFileName().toString().endsWith(".gz") ? fastGzip(raw) : raw;
                    try (BatchWriter bw = new BatchWriter(new EventLines(os))) {
                        result[0] = run(format, inputs, mapping, pseudonymizer, skips, bw::add);
                        bw.finish();
                    }
                    if (os != raw) {
                        os.close();
                    } else {
                        os.flush();
                    }
                });
        return result[0];
    }

    /** Converts {@code inputs}, giving every event to {@code sink}. */
    public static Result run(
            InputFormat format,
            List<Path> inputs,
            Mapping mapping,
            TenantPseudonymizer pseudonymizer,
            Skips skips,
            Consumer<InteractionEvent> sink)
            throws IOException {
        check(inputs);
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        long[] count = new long[1];
        Consumer<InteractionEvent> counted =
                e -> {
                    InteractionEvent p = pseudonymizer == null ? e : pseudonymizer.apply(e);
                    byType.merge(p.type(), 1L, Long::sum);
                    count[0]++;
                    sink.accept(p);
                };
        long lines = 0;
        QueueLogConverter ql =
                format == InputFormat.CALLS_CSV
                        ? null
                        : new QueueLogConverter(
                                QueueLogConverter.Mode.BULK, mapping, counted, skips);
        for (Path input : inputs) {
            String name = input.toString();
            try (BufferedReader in = open(input)) {
                lines +=
                        switch (format) {
                            case ASTERISK_QUEUE_LOG ->
                                    QueueLogText.read(in, name, skips, ql::accept);
                            case QUEUE_LOG_CSV ->
                                    QueueLogCsv.read(in, name, mapping.zone(), skips, ql::accept);
                            case CALLS_CSV -> CallsCsv.read(in, name, mapping, skips, counted);
                        };
            } catch (UncheckedIOException e) {
                throw new InputException("cannot read " + name + ": " + e.getCause().getMessage());
            }
        }
        if (ql != null) {
            ql.finish();
        }
        return new Result(lines, count[0], byType, skips);
    }

    /** A reader of a text file, gunzipped when its name ends in {@code .gz}; bad bytes replaced. */
    public static BufferedReader open(Path input) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(input);
        } catch (NoSuchFileException e) {
            throw new InputException("input file not found: " + input);
        }
        if (input.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
    }

    private static void check(List<Path> inputs) {
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                throw new InputException("input file not found: " + p);
            }
            if (!Files.isReadable(p)) {
                throw new InputException("input file not readable: " + p);
            }
        }
    }

    /**
     * Encodes and writes events on a second thread (JSON encoding and gzip are half the work), fed
     * in batches through a bounded queue; the events keep their order.
     */
    private static final class BatchWriter implements AutoCloseable {
        private static final int BATCH = 4096;
        private static final List<InteractionEvent> END = List.of();
        private final java.util.concurrent.BlockingQueue<List<InteractionEvent>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile Throwable failure;
        private List<InteractionEvent> batch = new java.util.ArrayList<>(BATCH);

        BatchWriter(EventLines w) {
            thread =
                    new Thread(
                            () -> {
                                try {
                                    for (List<InteractionEvent> b = queue.take();
                                            b != END;
                                            b = queue.take()) {
                                        for (InteractionEvent e : b) {
                                            w.write(e);
                                        }
                                    }
                                    w.flushBuffer();
                                } catch (Throwable t) {
                                    failure = t;
                                    queue.clear();
                                }
                            },
                            "convert-writer");
            thread.setDaemon(true);
            thread.start();
        }

        void add(InteractionEvent e) {
            batch.add(e);
            if (batch.size() >= BATCH) {
                put(batch);
                batch = new java.util.ArrayList<>(BATCH);
            }
        }

        private void put(List<InteractionEvent> b) {
            try {
                while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    check();
                }
                check();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing events");
            }
        }

        private void check() {
            if (failure instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (failure != null) {
                throw new IllegalStateException("writing events failed: " + failure, failure);
            }
        }

        /** Writes what is left and waits for the writer. */
        void finish() throws IOException {
            put(batch);
            batch = new java.util.ArrayList<>();
            put(END);
            try {
                thread.join();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing events");
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            check();
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                failure = failure == null ? new IOException("conversion stopped") : failure;
                queue.clear();
                queue.offer(END);
            }
        }
    }

    /** gzip at the fastest level: event files compress well anyway, and speed matters here. */
    private static OutputStream fastGzip(OutputStream raw) throws IOException {
        return new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
