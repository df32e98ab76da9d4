package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions.CompressionCodec;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileKpiRun#localConfiguration}: the MiniCluster of a bounded run (and of the benchmark's
 * pass-through, which takes the same), by input size; what the caller sets is kept.
 */
class LocalConfigurationTest {

    @TempDir Path dir;

    private Path file(String name, long bytes) throws Exception {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(bytes); // sparse: only the size counts
        }
        return f;
    }

    @Test
    void aSmallInputRunsOnOneSlotWithLittleSortMemory() throws Exception {
        Configuration c =
                FileKpiRun.localConfiguration(
                        List.of(file("day.jsonl", 100_000)), new Configuration());
        assertThat(KpiJobOptions.from(c).parallelism).isEqualTo(1);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(1);
        assertThat(c.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(c.get(PipelineOptions.OBJECT_REUSE)).isTrue();
        assertThat(c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
                .isEqualTo(LocalRunMemory.SMALL_MANAGED);
        // Flink's default is LZ4: local shuffles are read back uncompressed
        assertThat(
                        new Configuration()
                                .get(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC))
                .isEqualTo(CompressionCodec.LZ4);
        assertThat(c.get(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC))
                .isEqualTo(CompressionCodec.NONE);
    }

    @Test
    void aYearRunsOnTheDefaultParallelismAndSortsInMemory() throws Exception {
        Configuration c =
                FileKpiRun.localConfiguration(
                        List.of(file("year.jsonl", 315L << 20)), new Configuration());
        int defaults = KpiJobOptions.from(new Configuration()).parallelism;
        assertThat(KpiJobOptions.from(c).parallelism).isEqualTo(defaults);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(defaults);
        assertThat(c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
                .isEqualTo(LocalRunMemory.MEDIUM_MANAGED);
        assertThat(c.get(TaskManagerOptions.NETWORK_MEMORY_MAX))
                .isEqualTo(LocalRunMemory.LARGE_NETWORK);
    }

    @Test
    void whatTheCallerSetsIsKept() throws Exception {
        Configuration given = new Configuration();
        given.set(KpiJobOptions.PARALLELISM, 2);
        given.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(100));
        given.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC, CompressionCodec.ZSTD);
        Path day = file("day.jsonl", 100_000);
        Configuration c = FileKpiRun.localConfiguration(List.of(day), given);
        assertThat(KpiJobOptions.from(c).parallelism).isEqualTo(2);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(2);
        assertThat(c.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
                .isEqualTo(MemorySize.ofMebiBytes(100));
        assertThat(c.get(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC))
                .isEqualTo(CompressionCodec.ZSTD);
        // the caller's configuration itself is left as it was
        assertThat(given.contains(ExecutionOptions.RUNTIME_MODE)).isFalse();
        assertThat(given.contains(CoreOptions.DEFAULT_PARALLELISM)).isFalse();
        assertThat(given.contains(PipelineOptions.OBJECT_REUSE)).isFalse();
        assertThat(Files.size(day)).isEqualTo(100_000);
    }
}
