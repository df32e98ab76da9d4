package fr.joignable.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The off-heap memory of a local bounded run's MiniCluster ({@code joignable kpi}), by the size of
 * its input as stored; an option the caller set is kept. Flink allocates all three with {@code
 * malloc} in 32 KiB segments, so they count in full in the process's resident set once touched:
 *
 * <ul>
 *   <li>managed memory, where batch mode sorts every keyed stage's input: the local default is tiny
 *       and made a year spill to disk; 256 MiB (512 before the fourth round of issue #17) keeps
 *       five years within 2 GB resident;
 *   <li>network buffers and the sort-merge shuffle's read buffers: 64 MiB each by default, for many
 *       parallel channels; a local run has one or two slots, and 32 MiB each did not slow five
 *       years down.
 * </ul>
 *
 * <p>Measured in {@code docs/kpi-job.md}, "Fixed cost and five years' memory".
 */
final class LocalRunMemory {

    static final MemorySize SMALL_MANAGED = MemorySize.ofMebiBytes(64);
    static final MemorySize LARGE_MANAGED = MemorySize.ofMebiBytes(256);
    static final MemorySize LARGE_NETWORK = MemorySize.ofMebiBytes(32);
    static final MemorySize LARGE_SHUFFLE_READ = MemorySize.ofMebiBytes(32);

    private LocalRunMemory() {}

    /** Sets into {@code flink} what {@code given} (the caller's configuration) does not set. */
    static void size(Configuration given, Configuration flink, boolean small) {
        if (!given.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            flink.set(
                    TaskManagerOptions.MANAGED_MEMORY_SIZE, small ? SMALL_MANAGED : LARGE_MANAGED);
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
}
