package fr.joignable.domain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesTheWholeFileAndLeavesNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub/out.csv");
        AtomicFiles.writeText(target, w -> w.write("a,b\n1,2\n"));
        assertThat(target).hasContent("a,b\n1,2");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        target,
                                        out -> {
                                            out.write("half".getBytes(StandardCharsets.UTF_8));
                                            throw new IOException("disk full");
                                        }))
                .hasMessage("disk full");
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aWriterThatClosesTheStreamItIsGivenStillPublishes(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.pdf");
        AtomicFiles.write(
                target,
                out -> {
                    out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
                    out.close(); // as OpenPDF, POI and GZIPOutputStream do
                });
        assertThat(target).hasContent("%PDF");
    }

    @Test
    void temporaryNamesAreUniqueWithinOneProcess(@TempDir Path dir) {
        Path target = dir.resolve("out.csv");
        Set<Path> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Path tmp = AtomicFiles.tempFor(target);
            assertThat(tmp.getFileName().toString()).startsWith(".out.csv.tmp-");
            names.add(tmp);
        }
        assertThat(names).hasSize(1000);
    }

    @Test
    void twoConcurrentWritersOfOneTargetNeverMixTheirContent(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        String a = "A".repeat(200_000);
        String b = "B".repeat(200_000);
        Thread ta = new Thread(() -> write(target, a));
        Thread tb = new Thread(() -> write(target, b));
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        assertThat(Files.readString(target)).isIn(a, b);
    }

    private static void write(Path target, String content) {
        try {
            AtomicFiles.writeText(target, w -> w.write(content));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
