package fr.joignable.jobs;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * Test-only entry point run in a child JVM by {@link CrashRecoveryITCase}: the {@code stream} job
 * ({@link KafkaKpiRun#run}, bounded at the offsets present at start) with checkpoints retained in a
 * directory, optionally restored from one of them — what {@code joignable stream} does with the
 * same Flink options.
 *
 * <p>Arguments: {@code BOOTSTRAP OUT CHECKPOINT_DIR [RESTORE_PATH]}.
 */
public final class StreamProcessMain {

    private StreamProcessMain() {}

    public static void main(String[] args) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(KpiJobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(args[2]).toUri().toString());
        conf.setString(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        if (args.length > 3) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, Path.of(args[3]).toUri().toString());
        }
        RunSummary summary = KafkaKpiRun.run(args[0], Path.of(args[1]), true, conf);
        System.out.print(summary.format());
        System.out.println("DONE");
        System.exit(0);
    }
}
