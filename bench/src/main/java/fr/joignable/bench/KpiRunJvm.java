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
     * The dynamic class-data archive of the file children of {@code mode} ({@code file-kpi}, {@code
     * file-pass}) in {@code dir}, named by the JDK, the class path and each jar's size and time: an
     * archive serves only the jars it was written from (the JVM silently ignores it otherwise), so
     * a rebuilt module gets a new one. {@code ./joignable} keeps one such archive per command,
     * written by the command's first run and used by every later one; the harness's children get
     * the same: {@link #writeArchive} once, unmeasured, then {@link #useArchive}.
     */
    static Path archive(Path dir, String mode, String classPath) {
        StringBuilder key = new StringBuilder(System.getProperty("java.vm.version"));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            key.append('|').append(entry);
            try {
                Path jar = Path.of(entry);
                key.append(':')
                        .append(Files.size(jar))
                        .append('/')
                        .append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                key.append(":-"); // not there: the JVM skips it, with or without an archive
            }
        }
        return dir.resolve(mode + "-" + Integer.toHexString(key.toString().hashCode()) + ".jsa");
    }

    /**
     * {@code classPath} as a class-data archive takes it, jars only: each folder of classes ({@code
     * MODULE/target/classes}) replaced by the jar beside it that holds its classes ({@code
     * ./bench/run} builds it with {@code mvn package}, from the same classes; other jars there,
     * such as the RPC jars Flink's tests extract, are not it); null when no single jar holds them
     * (a test's class path), and the child then runs without an archive.
     */
    static String jarsOnly(String classPath) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                jars.add(entry);
                continue;
            }
            Path jar = jarOf(p.toAbsolutePath());
            if (jar == null) {
                return null;
            }
            jars.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    /** The one jar beside {@code classes} (in its parent folder) that holds its first class. */
    private static Path jarOf(Path classes) throws IOException {
        Path target = classes.getParent();
        if (target == null || !classes.getFileName().toString().equals("classes")) {
            return null;
        }
        String probe;
        try (var walk = Files.walk(classes)) {
            probe =
                    walk.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                            .sorted()
                            .findFirst()
                            .orElse(null);
        }
        if (probe == null) {
            return null;
        }
        List<Path> holding = new ArrayList<>();
        try (var list = Files.list(target)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                if (!f.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(f)) {
                    continue;
                }
                try (ZipFile zip = new ZipFile(f.toFile())) {
                    if (zip.getEntry(probe) != null) {
                        holding.add(f);
                    }
                } catch (IOException notAZip) {
                    // not a jar after all: it holds nothing
                }
            }
        }
        return holding.size() == 1 ? holding.get(0) : null;
    }

    /** The flags that write {@code archive} at the child's exit. */
    static List<String> writeArchive(Path archive) {
        return List.of(
                "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The flags that load classes from {@code archive} (silently none if it does not fit). */
    static List<String> useArchive(Path archive) {
        return List.of(
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
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
