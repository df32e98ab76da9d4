package fr.joignable.wallboard;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code joignable_build_info} and the standard process and JVM metrics, under the names the
 * Prometheus Java client gives them (so the usual dashboards and alerts apply): {@code
 * process_cpu_seconds_total}, {@code process_start_time_seconds}, {@code
 * process_resident_memory_bytes} (Linux), {@code process_open_fds}, {@code process_max_fds}, {@code
 * jvm_memory_used_bytes}/{@code jvm_memory_committed_bytes}/{@code jvm_memory_max_bytes} by {@code
 * area} (heap, nonheap), {@code jvm_threads_current}, {@code
 * jvm_gc_collection_seconds_total}/{@code jvm_gc_collections_total} by {@code gc}. Read from the
 * JVM's management beans at each scrape.
 */
final class ProcessMetrics {

    private ProcessMetrics() {}

    static void addTo(PrometheusMetrics m) {
        m.family(
                        "joignable_build_info",
                        "Always 1; the labels give the version of joignable and of Java.")
                .add(
                        labels(
                                "version",
                                version(),
                                "java_version",
                                System.getProperty("java.version", "")),
                        1);
        var runtime = ManagementFactory.getRuntimeMXBean();
        m.family("process_start_time_seconds", "Start time of the process, Unix epoch seconds.")
                .add(Map.of(), runtime.getStartTime() / 1000.0);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long cpu = sun.getProcessCpuTime();
            if (cpu >= 0) {
                m.counter("process_cpu_seconds_total", "CPU time used by the process, seconds.")
                        .add(Map.of(), cpu / 1e9);
            }
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            m.family("process_open_fds", "Open file descriptors.")
                    .add(Map.of(), unix.getOpenFileDescriptorCount());
            m.family("process_max_fds", "Maximum number of open file descriptors.")
                    .add(Map.of(), unix.getMaxFileDescriptorCount());
        }
        Long rss = residentBytes();
        if (rss != null) {
            m.family("process_resident_memory_bytes", "Resident memory size, bytes.")
                    .add(Map.of(), rss);
        }
        var memory = ManagementFactory.getMemoryMXBean();
        PrometheusMetrics.Family used =
                m.family("jvm_memory_used_bytes", "Used bytes of a JVM memory area.");
        PrometheusMetrics.Family committed =
                m.family("jvm_memory_committed_bytes", "Committed bytes of a JVM memory area.");
        PrometheusMetrics.Family max =
                m.family("jvm_memory_max_bytes", "Maximum bytes of a JVM memory area.");
        for (Map.Entry<String, MemoryUsage> area :
                Map.of(
                                "heap",
                                memory.getHeapMemoryUsage(),
                                "nonheap",
                                memory.getNonHeapMemoryUsage())
                        .entrySet()) {
            Map<String, String> l = Map.of("area", area.getKey());
            used.add(l, area.getValue().getUsed());
            committed.add(l, area.getValue().getCommitted());
            if (area.getValue().getMax() >= 0) {
                max.add(l, area.getValue().getMax());
            }
        }
        m.family("jvm_threads_current", "Live JVM threads.")
                .add(Map.of(), ManagementFactory.getThreadMXBean().getThreadCount());
        PrometheusMetrics.Family gcTime =
                m.counter("jvm_gc_collection_seconds_total", "Time spent in a garbage collector.");
        PrometheusMetrics.Family gcCount =
                m.counter("jvm_gc_collections_total", "Collections run by a garbage collector.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            Map<String, String> l = Map.of("gc", gc.getName());
            if (gc.getCollectionTime() >= 0) {
                gcTime.add(l, gc.getCollectionTime() / 1000.0);
            }
            if (gc.getCollectionCount() >= 0) {
                gcCount.add(l, gc.getCollectionCount());
            }
        }
    }

    /** VmRSS of /proc/self/status (Linux), null elsewhere. */
    private static Long residentBytes() {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    private static Map<String, String> labels(String k1, String v1, String k2, String v2) {
        Map<String, String> l = new java.util.LinkedHashMap<>();
        l.put(k1, v1);
        l.put(k2, v2);
        return l;
    }

    /** The version from the jar manifest, or the development version. */
    static String version() {
        String fromManifest = ProcessMetrics.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "0.1.0-SNAPSHOT";
    }
}
