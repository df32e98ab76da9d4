package fr.joignable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KpiRunJvm#rpcJar}: the RPC jar comes out of the loader jar once, byte for byte; {@link
 * KpiRunJvm#jarsOnly} and {@link KpiRunJvm#archive}: the class-data archive of the file children.
 */
class KpiRunJvmTest {

    @TempDir Path dir;

    private Path loader(String name, String entry, String content) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void extractsTheRpcJarOnceFromTheLoaderOnTheClassPath() throws Exception {
        Path loader = loader("flink-rpc-akka-loader-2.2.0.jar", "flink-rpc-akka.jar", "rpc bytes");
        String classPath = dir.resolve("a.jar") + File.pathSeparator + loader;
        Path out = dir.resolve("rpc");
        Path jar = KpiRunJvm.rpcJar(classPath, out);
        assertThat(jar).isEqualTo(out.resolve("flink-rpc-akka-loader-2.2.0-flink-rpc-akka.jar"));
        assertThat(Files.readString(jar)).isEqualTo("rpc bytes");
        // the second call finds it: same file, not written again, no temporary file left
        long modified = Files.getLastModifiedTime(jar).toMillis();
        assertThat(KpiRunJvm.rpcJar(classPath, out)).isEqualTo(jar);
        assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(modified);
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(jar);
        }
    }

    @Test
    void noLoaderOrNoEntryMeansFlinksOwnLoader() throws Exception {
        Path other = loader("flink-core-2.2.0.jar", "flink-rpc-akka.jar", "x");
        assertThat(KpiRunJvm.rpcJar(other.toString(), dir.resolve("rpc"))).isNull();
        Path empty = loader("flink-rpc-akka-loader-2.2.0.jar", "other.txt", "x");
        assertThat(KpiRunJvm.rpcJar(empty.toString(), dir.resolve("rpc2"))).isNull();
        assertThat(dir.resolve("rpc2")).doesNotExist();
    }

    @Test
    void aFileChildsClassPathLeavesScala213Out() {
        String sep = File.pathSeparator;
        String classPath =
                String.join(
                        sep,
                        "/m2/kafka_2.13-4.2.0.jar",
                        "/m2/flink-core-2.2.0.jar",
                        "/m2/scala-library-2.13.17.jar",
                        "/m2/scala-reflect-2.13.17.jar",
                        "/m2/scala-logging_2.13-3.9.6.jar",
                        "/work/bench/target/classes",
                        "/m2/scala-library-2.12.20.jar");
        assertThat(ChildJvm.withoutScala213(classPath))
                .isEqualTo(
                        String.join(
                                sep,
                                "/m2/flink-core-2.2.0.jar",
                                "/work/bench/target/classes",
                                "/m2/scala-library-2.12.20.jar"));
    }

    private Path jar(Path file, String... entries) throws Exception {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write(1);
            }
        }
        return file;
    }

    @Test
    void aClassPathForAnArchiveHasEachClassesFolderReplacedByItsJar() throws Exception {
        String sep = File.pathSeparator;
        Path classes = Files.createDirectories(dir.resolve("bench/target/classes/fr"));
        Files.writeString(classes.resolve("A.class"), "x");
        Path built = jar(dir.resolve("bench/target/joignable-bench-0.1.jar"), "fr/A.class");
        // beside it, jars that do not hold its classes: sources, RPC jars a test extracted
        jar(dir.resolve("bench/target/joignable-bench-0.1-sources.jar"), "fr/A.java");
        jar(dir.resolve("bench/target/flink-rpc-akka0a1b.jar"), "org/R.class");
        Files.writeString(dir.resolve("bench/target/broken.jar"), "not a zip");
        String classPath = dir.resolve("bench/target/classes") + sep + "/m2/flink-core-2.2.0.jar";
        assertThat(KpiRunJvm.jarsOnly(classPath))
                .isEqualTo(built + sep + "/m2/flink-core-2.2.0.jar");
        // a jar is kept as it is, even one not there (the JVM skips it, as without an archive)
        assertThat(KpiRunJvm.jarsOnly("/m2/a.jar" + sep + "/m2/b.jar"))
                .isEqualTo("/m2/a.jar" + sep + "/m2/b.jar");
    }

    @Test
    void aFolderWithoutOneJarHoldingItsClassesMeansNoArchive() throws Exception {
        // a test's class path: target/test-classes, or target/classes before mvn package
        Path tests = Files.createDirectories(dir.resolve("m/target/test-classes"));
        Files.writeString(tests.resolve("T.class"), "x");
        jar(dir.resolve("m/target/m-tests.jar"), "T.class");
        assertThat(KpiRunJvm.jarsOnly(tests.toString())).isNull();
        Path classes = Files.createDirectories(dir.resolve("n/target/classes"));
        Files.writeString(classes.resolve("N.class"), "x");
        assertThat(KpiRunJvm.jarsOnly(classes.toString())).isNull();
        jar(dir.resolve("n/target/other.jar"), "O.class");
        assertThat(KpiRunJvm.jarsOnly(classes.toString())).isNull();
        // two jars with the same classes: which one was built from them is not known
        jar(dir.resolve("n/target/n-1.jar"), "N.class");
        jar(dir.resolve("n/target/n-2.jar"), "N.class");
        assertThat(KpiRunJvm.jarsOnly(classes.toString())).isNull();
    }

    @Test
    void anArchiveIsNamedByModeAndClassPath() {
        Path cds = dir.resolve("cds");
        Path kpi = KpiRunJvm.archive(cds, "file-kpi", "/m2/a.jar");
        assertThat(kpi.getParent()).isEqualTo(cds);
        assertThat(kpi.getFileName().toString()).startsWith("file-kpi-").endsWith(".jsa");
        assertThat(KpiRunJvm.archive(cds, "file-kpi", "/m2/a.jar")).isEqualTo(kpi);
        assertThat(KpiRunJvm.archive(cds, "file-pass", "/m2/a.jar")).isNotEqualTo(kpi);
        // another class path (another version) never loads this archive
        assertThat(KpiRunJvm.archive(cds, "file-kpi", "/m2/b.jar")).isNotEqualTo(kpi);
        assertThat(KpiRunJvm.writeArchive(kpi))
                .first()
                .isEqualTo("-XX:ArchiveClassesAtExit=" + kpi);
        assertThat(KpiRunJvm.useArchive(kpi)).first().isEqualTo("-XX:SharedArchiveFile=" + kpi);
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("m.jar"), "one");
        Path cds = dir.resolve("cds");
        Path first = KpiRunJvm.archive(cds, "file-kpi", jar.toString());
        assertThat(KpiRunJvm.archive(cds, "file-kpi", jar.toString())).isEqualTo(first);
        Files.writeString(jar, "rebuilt");
        assertThat(KpiRunJvm.archive(cds, "file-kpi", jar.toString())).isNotEqualTo(first);
    }
}
