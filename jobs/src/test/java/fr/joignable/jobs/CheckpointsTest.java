package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @Test
    void latestIsTheNewestCompletedCheckpoint(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("3f2a");
        Files.createDirectories(job.resolve("chk-9"));
        Files.writeString(job.resolve("chk-9/_metadata"), "x");
        Files.createDirectories(job.resolve("chk-10"));
        Files.writeString(job.resolve("chk-10/_metadata"), "x");
        Files.createDirectories(job.resolve("chk-11")); // in progress: no _metadata yet
        assertThat(Checkpoints.resolve("latest", dir))
                .isEqualTo(job.resolve("chk-10").toAbsolutePath());
    }

    @Test
    void noCheckpointIsAOneLineFailure(@TempDir Path dir) {
        assertThatThrownBy(() -> Checkpoints.resolve("latest", dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no completed checkpoint");
        assertThatThrownBy(() -> Checkpoints.resolve(dir.resolve("nope").toString(), dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nope");
    }
}
