package fr.joignable.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BufferedFileOutput}: the bytes written, in order, and a position that counts them. */
class BufferedFileOutputTest {

    @TempDir Path dir;

    @Test
    void writesEveryByteInOrderAndCountsThePosition() throws Exception {
        Path file = dir.resolve("day.parquet");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random random = new Random(7);
        try (BufferedFileOutput out = new BufferedFileOutput(file)) {
            // small writes (a footer's fields), single bytes, and one larger than the buffer
            for (int i = 0; i < 5_000; i++) {
                byte[] b = new byte[random.nextInt(12)];
                random.nextBytes(b);
                out.write(b, 0, b.length);
                expected.write(b, 0, b.length);
                out.write(i & 0xff);
                expected.write(i & 0xff);
                assertThat(out.getPos()).isEqualTo(expected.size());
            }
            byte[] big = new byte[BufferedFileOutput.BUFFER_BYTES * 2 + 3];
            random.nextBytes(big);
            out.write(big, 1, big.length - 1);
            expected.write(big, 1, big.length - 1);
            assertThat(out.getPos()).isEqualTo(expected.size());
            out.sync();
            // what sync returned for is on the file
            assertThat(Files.size(file)).isEqualTo(expected.size());
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("taken.parquet");
        Files.writeString(file, "earlier");
        assertThatThrownBy(() -> new BufferedFileOutput(file))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("earlier");
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        Path file = dir.resolve("twice.parquet");
        BufferedFileOutput out = new BufferedFileOutput(file);
        out.write(new byte[] {1, 2, 3}, 0, 3);
        out.close();
        out.close();
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }
}
