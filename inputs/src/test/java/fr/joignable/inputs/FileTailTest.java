package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower on the file events of a real log: partial lines, rotation, truncation, restart. */
class FileTailTest {

    @TempDir Path dir;

    static void append(Path p, String text) throws Exception {
        Files.writeString(
                p,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static List<String> texts(List<FileTail.Line> lines) {
        return lines.stream().map(FileTail.Line::text).toList();
    }

    @Test
    void partialLinesWaitForTheirNewline() throws Exception {
        Path log = dir.resolve("queue_log");
        append(log, "a\nb\nhal");
        try (FileTail t = new FileTail(log, null)) {
            assertThat(texts(t.poll(100))).containsExactly("a", "b");
            assertThat(t.poll(100)).isEmpty();
            append(log, "f\r\n");
            assertThat(texts(t.poll(100))).containsExactly("half");
            assertThat(t.position().offset()).isEqualTo(Files.size(log));
            assertThat(t.position().line()).isEqualTo(3);
        }
    }

    @Test
    void rotationReadsTheOldFileToItsEndThenTheNewOne() throws Exception {
        Path log = dir.resolve("queue_log");
        append(log, "1\n2\n");
        try (FileTail t = new FileTail(log, null)) {
            assertThat(texts(t.poll(1))).containsExactly("1"); // a small batch: 2 is still unread
            Files.move(log, dir.resolve("queue_log.1"));
            append(dir.resolve("queue_log.1"), "3\n"); // the writer still had the old file open
            append(log, "4\n");
            assertThat(texts(t.poll(100))).containsExactly("2", "3", "4");
            assertThat(t.position().line()).isEqualTo(1); // line 1 of the new file
        }
    }

    @Test
    void truncationStartsAgainAtTheTop() throws Exception {
        Path log = dir.resolve("queue_log");
        append(log, "first line\nsecond line\n");
        try (FileTail t = new FileTail(log, null)) {
            assertThat(t.poll(100)).hasSize(2);
            Files.writeString(log, "x\n"); // copytruncate, then a new line
            assertThat(texts(t.poll(100))).containsExactly("x");
        }
    }

    @Test
    void aRestartResumesAtTheSavedPositionEvenAfterARotation() throws Exception {
        Path log = dir.resolve("queue_log");
        append(log, "1\n2\n3\n");
        TailPosition saved;
        try (FileTail t = new FileTail(log, null)) {
            assertThat(texts(t.poll(2))).containsExactly("1", "2");
            saved = t.position();
        }
        try (FileTail t = new FileTail(log, TailPosition.fromJson(saved.toJson()))) {
            assertThat(texts(t.poll(100))).containsExactly("3");
        }
        Files.move(log, dir.resolve("queue_log.1")); // rotated while stopped
        append(log, "4\n");
        try (FileTail t = new FileTail(log, saved)) {
            assertThat(texts(t.poll(100))).containsExactly("3", "4");
        }
    }
}
