package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed, network and shuffle memory of a local bounded run, by the size of its input. */
class LocalRunMemoryTest {

    private static final long MIB = 1L << 20;

    @TempDir Path dir;

    private static MemorySize managedFor(boolean small, long jsonLinesBytes) {
        Configuration flink = new Configuration();
        LocalRunMemory.size(new Configuration(), flink, small, jsonLinesBytes);
        return flink.get(TaskManagerOptions.MANAGED_MEMORY_SIZE);
    }

    @Test
    void aYearSortsInMemoryAndFiveYearsKeepTheSmallerShare() {
        assertThat(managedFor(true, 2 * MIB)).isEqualTo(MemorySize.ofMebiBytes(64));
        // a month, a year of the simulator's centre (315 MB), the tier's edge
        assertThat(managedFor(false, 30 * MIB)).isEqualTo(MemorySize.ofMebiBytes(512));
        assertThat(managedFor(false, 315_042_005L)).isEqualTo(MemorySize.ofMebiBytes(512));
        assertThat(managedFor(false, 512 * MIB)).isEqualTo(MemorySize.ofMebiBytes(512));
        // beyond it the sorts spill whatever the share: five years (1.6 GB) stay within 2 GB
        assertThat(managedFor(false, 512 * MIB + 1)).isEqualTo(MemorySize.ofMebiBytes(256));
        assertThat(managedFor(false, 1_590_000_000L)).isEqualTo(MemorySize.ofMebiBytes(256));
    }

    @Test
    void whatTheCallerSetIsKept() {
        Configuration given = new Configuration();
        given.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(100));
        given.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(80));
        Configuration flink = new Configuration(given);
        LocalRunMemory.size(given, flink, false, 100 * MIB);
        assertThat(flink.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
                .isEqualTo(MemorySize.ofMebiBytes(100));
        assertThat(flink.get(TaskManagerOptions.NETWORK_MEMORY_MIN))
                .isEqualTo(MemorySize.ofMebiBytes(80));
        assertThat(flink.get(TaskManagerOptions.NETWORK_BATCH_SHUFFLE_READ_MEMORY))
                .isEqualTo(MemorySize.ofMebiBytes(32));
    }

    @Test
    void aSmallRunKeepsFlinksNetworkDefaults() {
        Configuration flink = new Configuration();
        LocalRunMemory.size(new Configuration(), flink, true, MIB);
        assertThat(flink.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)).isFalse();
        assertThat(flink.contains(TaskManagerOptions.NETWORK_BATCH_SHUFFLE_READ_MEMORY)).isFalse();
    }

    @Test
    void aGzipFileCountsEightTimesItsSize() throws Exception {
        Path plain = Files.write(dir.resolve("a.jsonl"), new byte[1000]);
        Path gzip = Files.write(dir.resolve("b.jsonl.gz"), new byte[100]);
        assertThat(LocalRunMemory.jsonLinesBytes(List.of(plain))).isEqualTo(1000);
        assertThat(LocalRunMemory.jsonLinesBytes(List.of(plain, gzip))).isEqualTo(1800);
    }
}
