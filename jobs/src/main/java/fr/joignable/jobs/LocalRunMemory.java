package fr.joignable.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The off-heap memory of a local bounded run's MiniCluster ({@code joignable kpi}), by the size of
 * its input; an option the caller set is kept. Flink allocates all three with {@code malloc} in 32
 * KiB segments, so they count in full in the process's resident set once touched:
 *
 * <ul>
 *   <li>managed memory, where batch mode sorts every keyed stage's input, by the input's size as
 *       JSON Lines (a gzip file counts 8 times its size): 64 MiB for a small input; 512 MiB up to
 *       512 MiB of JSON Lines, so that a year (315 MB) is sorted without spilling to disk (with 256
 *       MiB it spilled about 200 MB of sort runs and took about 5 % more time); 256 MiB beyond,
 *       which spills anyway and keeps five years within 2 GB resident;
 *   <li>network buffers and the sort-merge shuffle's read buffers: 64 MiB each by default, for many
 *       parallel channels; a local run has one or two slots, and 32 MiB each did not slow five
 *       years down.
 * </ul>
 *
 * <p>Measured in {@code docs/kpi-job.md}, "Fixed cost and five years' memory" and "seventh round".
 */
final class LocalRunMemory {

    static final MemorySize SMALL_MANAGED = MemorySize.ofMebiBytes(64);
    static final MemorySize MEDIUM_MANAGED = MemorySize.ofMebiBytes(512);
    static final MemorySize LARGE_MANAGED = MemorySize.ofMebiBytes(256);

    /** Inputs up to this size as JSON Lines get {@link #MEDIUM_MANAGED}: they sort in memory. */
    static final long MEDIUM_INPUT_BYTES = 512L << 20;

    /** A gzip file of events holds about this many times its size of JSON Lines. */
    static final long GZIP_RATIO = 8;

    static final MemorySize LARGE_NETWORK = MemorySize.ofMebiBytes(32);
    static final MemorySize LARGE_SHUFFLE_READ = MemorySize.ofMebiBytes(32);

    private LocalRunMemory() {}

    /**
     * Sets into {@code flink} what {@code given} (the caller's configuration) does not set, for an
     * input of {@code jsonLinesBytes} (its estimated size as JSON Lines, {@link #jsonLinesBytes}).
     */
    static void size(Configuration given, Configuration flink, boolean small, long jsonLinesBytes) {
        if (!given.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            flink.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, managed(small, jsonLinesBytes));
        }
        if (small) {
            return;
        }
        if (!given.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)
                && !given.contains(TaskManagerOptions.NETWORK_MEMORY_MAX)) {
            flink.set(TaskManagerOptions.NETWORK_MEMORY_MIN, LARGE_NETWORK);
            flink.set(TaskManagerOptions.NETWORK_MEMORY_MAX, LARGE_NETWORK);
        }
        if (!given.contains(TaskManagerOptions.NETWORK_BATCH_SHUFFLE_READ_MEMORY)) {
            flink.set(TaskManagerOptions.NETWORK_BATCH_SHUFFLE_READ_MEMORY, LARGE_SHUFFLE_READ);
        }
    }

    /** The managed memory of a run: small, up to {@link #MEDIUM_INPUT_BYTES}, or beyond. */
    static MemorySize managed(boolean small, long jsonLinesBytes) {
        if (small) {
            return SMALL_MANAGED;
        }
        return jsonLinesBytes <= MEDIUM_INPUT_BYTES ? MEDIUM_MANAGED : LARGE_MANAGED;
    }

    /** The input's size as JSON Lines: a {@code .gz} file counts {@link #GZIP_RATIO} times. */
    static long jsonLinesBytes(List<Path> inputs) throws IOException {
        long total = 0;
        for (Path input : inputs) {
            long size = Files.size(input);
            boolean gzip = input.getFileName().toString().endsWith(".gz");
            total += gzip ? size * GZIP_RATIO : size;
        }
        return total;
    }
}
