package fr.joignable.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JVM flags {@code ./joignable kpi} gives a run over a file, from the launcher's own definition
 * ({@code cli/kpi-jvm-options}, by the file's size), so that the harness's KPI child JVMs measure
 * what a user runs; the harness's own flags ({@code -Xmx3g}) otherwise. {@code ./bench/run} starts
 * at the root of the checkout. Like the launcher, it also quiets the libraries' logging
 * (log4j-api's simple logger, errors only) and puts Flink's RPC jar, extracted once, on the child's
 * class path ({@link #rpcJar}): without them a child paid ~0.3 s more of Flink start than {@code
 * ./joignable kpi} (docs/kpi-job.md, "sixth round").
 */
final class KpiRunJvm {

    static final Path OPTIONS = Path.of("cli", "kpi-jvm-options");

    private KpiRunJvm() {}

    /** The flags for a run over {@code events}, or null (keep the harness's) without the script. */
    static List<String> flags(Path events) throws IOException, InterruptedException {
        if (!Files.isExecutable(OPTIONS)) {
            return null;
        }
        long size = Files.size(events);
        boolean gzip = events.getFileName().toString().endsWith(".gz");
        Process p =
                new ProcessBuilder(
                                OPTIONS.toAbsolutePath().toString(),
                                Long.toString(gzip ? 0 : size),
                                Long.toString(gzip ? size : 0))
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(OPTIONS + " failed: " + out);
        }
        List<String> flags = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                flags.add(line.trim());
            }
        }
        // as ./joignable kpi without JOIGNABLE_LOG_LEVEL: no log4j-core configuration at start
        flags.add(
                "-Dlog4j2.loggerContextFactory="
                        + "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        flags.add("-Dorg.apache.logging.log4j.simplelog.level=ERROR");
        flags.add("-Dorg.apache.logging.log4j.simplelog.logFile=system.err");
        return flags;
    }

    /**
     * Flink's {@code flink-rpc-akka.jar}, copied out of {@code flink-rpc-akka-loader}'s jar (found
     * on {@code classPath}) into {@code dir} once, for the class path of a file child: Flink then
     * loads its RPC system from the class path ({@code ClassPathRpcSystemLoader}) instead of
     * copying the 21 MB jar to a new temporary file at every start, as {@code ./joignable kpi}
     * does. Null (Flink's own loader, as before) when the loader jar is not on the class path. Not
     * for the Kafka children: the jar holds Scala 2.12, and the embedded broker needs 2.13.
     */
    static Path rpcJar(String classPath, Path dir) throws IOException {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path loader = Path.of(entry);
            String name = loader.getFileName() == null ? "" : loader.getFileName().toString();
            if (!name.startsWith("flink-rpc-akka-loader-") || !name.endsWith(".jar")) {
                continue;
            }
            Path jar = dir.resolve(name.substring(0, name.length() - 4) + "-flink-rpc-akka.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            try (ZipFile zip = new ZipFile(loader.toFile())) {
                ZipEntry e = zip.getEntry("flink-rpc-akka.jar");
                if (e == null) {
                    return null;
                }
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "flink-rpc", ".tmp");
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                // moved in place whole: a half-written jar never reaches a class path
                Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
                return jar;
            }
        }
        return null;
    }
}
