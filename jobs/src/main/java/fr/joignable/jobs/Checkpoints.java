package fr.joignable.jobs;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;

/** Durable checkpoints for {@code joignable stream}, and finding the one to restart from. */
public final class Checkpoints {

    private Checkpoints() {}

    /** File-system checkpoints under {@code dir}, kept when the job is cancelled or dies. */
    public static void configure(Configuration conf, Path dir) throws IOException {
        Files.createDirectories(dir);
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                dir.toAbsolutePath().toUri().toString());
        conf.setString(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        conf.setString("execution.checkpointing.num-retained", "2");
    }

    /**
     * {@code latest}: the newest completed {@code chk-N} under {@code dir}; else the path given.
     */
    public static Path resolve(String restoreFrom, Path dir) throws IOException {
        if (!"latest".equals(restoreFrom)) {
            Path given = Path.of(restoreFrom);
            if (!Files.isDirectory(given)) {
                throw new InputException("--restore-from " + given + " is not a directory");
            }
            return given.toAbsolutePath();
        }
        return latest(dir)
                .orElseThrow(
                        () ->
                                new InputException(
                                        "no completed checkpoint (chk-N with _metadata) under "
                                                + dir));
    }

    public static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            return walk.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(Checkpoints::number))
                    .map(Path::toAbsolutePath);
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring(4));
    }
}
