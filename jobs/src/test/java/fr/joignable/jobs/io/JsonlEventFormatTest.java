package fr.joignable.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.TestEvents;
import fr.joignable.jobs.model.JobEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonlEventFormat}: however a file is cut into byte ranges, its splits together give each
 * line once, with its number in the whole file; compressed files are one split; a reader restored
 * at a checkpointed position goes on where it stopped.
 */
class JsonlEventFormatTest {

    @TempDir Path dir;

    /** One expected line: its number in the file, its bytes (without \n, one \r stripped). */
    record Line(long number, String text) {}

    /** The file's content: events with noise, blank lines, CRLF, bad bytes, no final \n. */
    static byte[] content() {
        TestEvents gen = new TestEvents(11);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> events = new ArrayList<>(gen.contacts(start, 1, 6));
        events.addAll(gen.agents(start, 1, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (byte[] line : gen.lines(events, true)) {
            out.writeBytes(line);
            switch (i++ % 7) {
                case 2 -> out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                case 4 -> out.writeBytes("\n\n  \t\n".getBytes(StandardCharsets.US_ASCII));
                case 5 ->
                        out.writeBytes("\n{\"type\":\"NOPE\"}\n".getBytes(StandardCharsets.UTF_8));
                case 6 -> out.writeBytes(new byte[] {'\n', (byte) 0xC3, '{', '\n'});
                default -> out.write('\n');
            }
        }
        out.writeBytes("{\"last\":\"line without a newline\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The lines by an independent split of the bytes at \n: the non-blank ones, numbered. */
    static List<Line> expected(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        long number = 0;
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && from == i) {
                    break;
                }
                number++;
                int to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
                String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                if (!text.isBlank()) {
                    lines.add(new Line(number, text));
                }
                from = i + 1;
            }
        }
        return lines;
    }

    static Line line(JobEvent e) {
        return new Line(e.line, new String(e.raw, StandardCharsets.ISO_8859_1));
    }

    static JsonlEventFormat format(Path file) {
        return new JsonlEventFormat(
                Map.of(
                        JsonlEventFormat.key(new org.apache.flink.core.fs.Path(file.toUri())),
                        "file-1"));
    }

    static FileSourceSplit split(Path file, long from, long to, long size) {
        return new FileSourceSplit(
                "s" + from,
                new org.apache.flink.core.fs.Path(file.toUri()),
                from,
                to - from,
                0,
                size);
    }

    static List<JobEvent> read(BulkFormat.Reader<JobEvent> reader) throws IOException {
        List<JobEvent> out = new ArrayList<>();
        try (reader) {
            for (var batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
                for (var r = batch.next(); r != null; r = batch.next()) {
                    out.add(r.getRecord());
                }
                batch.releaseBatch();
            }
        }
        return out;
    }

    static List<Line> readSplits(Path file, long... cuts) throws IOException {
        long size = Files.size(file);
        List<Line> lines = new ArrayList<>();
        long from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            long to = i < cuts.length ? cuts[i] : size;
            for (JobEvent e :
                    read(
                            format(file)
                                    .createReader(
                                            new Configuration(), split(file, from, to, size)))) {
                assertThat(e.source).isEqualTo("file-1");
                lines.add(line(e));
            }
            from = to;
        }
        return lines;
    }

    @Test
    void twoRangesCutAtAnyByteGiveEveryLineOnceWithItsNumber() throws IOException {
        byte[] bytes = content();
        Path file = Files.write(dir.resolve("e.jsonl"), bytes);
        List<Line> expected = expected(bytes);
        assertThat(expected).hasSizeGreaterThan(60);
        // the sample has rejected lines, blank lines and a CRLF line
        assertThat(readSplits(file)).isEqualTo(expected).anyMatch(l -> l.text().contains("NOPE"));
        for (long cut = 1; cut < bytes.length; cut++) {
            assertThat(readSplits(file, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void manyRangesGiveTheLinesOfOnePass() throws IOException {
        byte[] bytes = content();
        Path file = Files.write(dir.resolve("e.jsonl"), bytes);
        List<Line> expected = expected(bytes);
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            long[] cuts = random.longs(1 + random.nextInt(8), 0, bytes.length + 1).toArray();
            Arrays.sort(cuts);
            assertThat(readSplits(file, cuts)).as(Arrays.toString(cuts)).isEqualTo(expected);
        }
    }

    @Test
    void rejectedLinesKeepTheirNumberInEverySplit() throws IOException {
        byte[] bytes = content();
        Path file = Files.write(dir.resolve("e.jsonl"), bytes);
        long size = bytes.length;
        List<JobEvent> second =
                read(
                        format(file)
                                .createReader(
                                        new Configuration(), split(file, size / 2, size, size)));
        JobEvent bad = second.stream().filter(JobEvent::rejected).findFirst().orElseThrow();
        // its number, counted independently: the \n bytes before its text, plus one
        int at = indexOf(bytes, bad.raw, (int) (size / 2));
        long newlines = 0;
        for (int i = 0; i < at; i++) {
            newlines += bytes[i] == '\n' ? 1 : 0;
        }
        assertThat(bad.line).isEqualTo(newlines + 1);
    }

    static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void theWordAtATimeCountEqualsAByteCount() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] b = new byte[random.nextInt(100)];
            random.nextBytes(b);
            for (int i = 0; i < b.length; i++) {
                if (random.nextInt(4) == 0) {
                    b[i] = '\n';
                }
            }
            int n = random.nextInt(b.length + 1);
            long count = 0;
            for (int i = 0; i < n; i++) {
                count += b[i] == '\n' ? 1 : 0;
            }
            assertThat(JsonlEventFormat.SplitReader.countNewlines(b, n)).isEqualTo(count);
        }
        byte[] all = new byte[64];
        Arrays.fill(all, (byte) '\n');
        assertThat(JsonlEventFormat.SplitReader.countNewlines(all, 64)).isEqualTo(64);
        byte[] near = new byte[64];
        Arrays.fill(near, (byte) 0x8A); // \n with the high bit set
        assertThat(JsonlEventFormat.SplitReader.countNewlines(near, 64)).isZero();
    }

    @Test
    void theEnumeratorCutsPlainFilesOnlyAndCoversThemWhole() throws IOException {
        Path big = dir.resolve("big.jsonl");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "{\"x\":1}\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < (10 << 20) / line.length; i++) {
                out.write(line);
            }
        }
        Path small = Files.write(dir.resolve("small.jsonl"), content());
        Path gz = dir.resolve("big.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(big));
        }
        var enumerator = new JsonlEventFormat.LineRangeEnumerator();
        var splits =
                enumerator.enumerateSplits(
                        new org.apache.flink.core.fs.Path[] {
                            new org.apache.flink.core.fs.Path(big.toUri()),
                            new org.apache.flink.core.fs.Path(small.toUri()),
                            new org.apache.flink.core.fs.Path(gz.toUri())
                        },
                        4);
        // 10 MiB: two ranges of at least 4 MiB; the small file and the gzip file: one each
        assertThat(splits).hasSize(4);
        assertThat(splits.get(0).offset()).isZero();
        assertThat(splits.get(0).offset() + splits.get(0).length())
                .isEqualTo(splits.get(1).offset());
        assertThat(splits.get(1).offset() + splits.get(1).length()).isEqualTo(Files.size(big));
        assertThat(splits.get(2).length()).isEqualTo(Files.size(small));
        assertThat(splits.get(3).length()).isEqualTo(Files.size(gz));
        assertThat(splits.stream().map(FileSourceSplit::splitId).distinct()).hasSize(4);
    }

    @Test
    void aGzipFileIsReadWholeWithTheNumbersOfThePlainFile() throws IOException {
        byte[] bytes = content();
        Path gz = dir.resolve("e.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        long size = Files.size(gz);
        List<Line> lines =
                read(format(gz).createReader(new Configuration(), split(gz, 0, size, size)))
                        .stream()
                        .map(JsonlEventFormatTest::line)
                        .toList();
        assertThat(lines).isEqualTo(expected(bytes));
    }

    @Test
    void aRestoredReaderGoesOnAfterTheCheckpointedRecord() throws IOException {
        byte[] bytes = content();
        Path plain = Files.write(dir.resolve("e.jsonl"), bytes);
        Path gz = dir.resolve("e.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        for (Path file : List.of(plain, gz)) {
            long size = Files.size(file);
            long from = file == plain ? size / 3 : 0;
            FileSourceSplit s = split(file, from, size, size);
            List<Line> all = new ArrayList<>();
            List<CheckpointedPosition> positions = new ArrayList<>();
            try (var reader = format(file).createReader(new Configuration(), s)) {
                for (var batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
                    for (RecordAndPosition<JobEvent> r = batch.next();
                            r != null;
                            r = batch.next()) {
                        all.add(line(r.getRecord()));
                        positions.add(
                                new CheckpointedPosition(r.getOffset(), r.getRecordSkipCount()));
                    }
                }
            }
            for (int k : new int[] {0, 5, all.size() / 2, all.size() - 1}) {
                List<Line> rest =
                        read(
                                        format(file)
                                                .restoreReader(
                                                        new Configuration(),
                                                        s.updateWithCheckpointedPosition(
                                                                positions.get(k))))
                                .stream()
                                .map(JsonlEventFormatTest::line)
                                .toList();
                assertThat(rest)
                        .as("%s after record %d", file, k)
                        .isEqualTo(all.subList(k + 1, all.size()));
            }
        }
    }
}
