package fr.joignable.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this JVM's used heap, its heap after the latest collections (the live set) and its
 * resident set size every 50 ms while open; {@link #peakRssMb()} prefers the kernel's own
 * high-water mark ({@code VmHWM}) when this process ran nothing else.
 */
public final class PeakMemory implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss;
    private volatile long peakLive;

    private PeakMemory() {
        sampler =
                new Thread(
                        () -> {
                            while (running) {
                                sample();
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-peak-memory");
        sampler.setDaemon(true);
    }

    public static PeakMemory start() {
        PeakMemory p = new PeakMemory();
        p.sample();
        p.sampler.start();
        return p;
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        peakRss = Math.max(peakRss, statusKb("VmRSS:") * 1024);
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after =
                    pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                live += after.getUsed();
            }
        }
        peakLive = Math.max(peakLive, live);
    }

    /** Peak heap still in use just after a collection, in MiB: the live set, garbage excluded. */
    public double peakLiveHeapMb() {
        return peakLive / 1048576.0;
    }

    /** Peak used heap in MiB (sampled). */
    public double peakHeapMb() {
        return peakHeap / 1048576.0;
    }

    /** Peak resident set in MiB (sampled; 0 where /proc is missing). */
    public double peakRssMb() {
        return peakRss / 1048576.0;
    }

    /** The process's peak resident set since it started ({@code VmHWM}), in MiB; 0 if unknown. */
    public static double processPeakRssMb() {
        return statusKb("VmHWM:") / 1024.0;
    }

    private static long statusKb(String key) {
        try {
            for (String l : Files.readAllLines(STATUS)) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        sample();
    }
}
