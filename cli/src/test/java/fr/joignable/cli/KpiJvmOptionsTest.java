package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cli/kpi-jvm-options}, the one definition of {@code joignable kpi}'s JVM flags (the
 * launcher and {@code ./bench/run} take them from it): C1 alone below 64 MiB, the large-input JIT
 * limits on at most 4 cores, the heap by input size; and every set it prints starts this JVM (a
 * misspelt flag would stop every {@code kpi} run before it starts).
 */
class KpiJvmOptionsTest {

    /** Surefire runs in the module's folder, {@code cli/}. */
    private static final Path SCRIPT = Path.of("kpi-jvm-options").toAbsolutePath();

    private static final long MIB = 1L << 20;

    private static final List<String> JIT_LIMITS =
            List.of(
                    "-XX:MaxInlineLevel=6",
                    "-XX:InlineSmallCode=500",
                    "-XX:Tier4InvocationThreshold=20000",
                    "-XX:Tier4MinInvocationThreshold=2400",
                    "-XX:Tier4CompileThreshold=60000",
                    "-XX:Tier4BackEdgeThreshold=160000");

    private static List<String> flags(String cpus, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JOIGNABLE_CPUS");
        if (cpus != null) {
            env.put("JOIGNABLE_CPUS", cpus);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void aSmallInputRunsOnC1AloneWithTheSmallestHeap() throws Exception {
        assertThat(Files.isExecutable(SCRIPT)).isTrue();
        assertThat(flags("2", Long.toString(20 * MIB), "0"))
                .containsExactly("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xmx1024m");
        // a month in gzip: 3 MiB stored counts as 24 MiB of JSON Lines for the heap, still 1 GiB
        assertThat(flags("2", "0", Long.toString(3 * MIB))).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aLargeInputOnAFewCoresCompilesLessAndOnManyKeepsJavasDefaults() throws Exception {
        String year = Long.toString(315 * MIB);
        List<String> two = flags("2", year, "0");
        assertThat(two).doesNotContain("-XX:TieredStopAtLevel=1").containsAll(JIT_LIMITS);
        assertThat(two).first().isEqualTo("-XX:+UseParallelGC");
        assertThat(two).last().isEqualTo("-Xmx1024m");
        assertThat(flags("4", year, "0")).containsAll(JIT_LIMITS);
        assertThat(flags("8", year, "0"))
                .containsExactly("-XX:+UseParallelGC", "-Xmx1024m")
                .doesNotContainAnyElementsOf(JIT_LIMITS);
    }

    @Test
    void theHeapFollowsTheInputBetweenOneAndFourGiB() throws Exception {
        // five years, 1.5 GiB of JSON Lines: 1,536 MiB of heap
        assertThat(flags("8", Long.toString(1536 * MIB), "0")).last().isEqualTo("-Xmx1536m");
        // 1 GiB of gzip counts 8 GiB: capped at 4 GiB
        assertThat(flags("8", "0", Long.toString(1024 * MIB))).last().isEqualTo("-Xmx4096m");
        // --csv keeps both tables in memory to the end: no cap
        assertThat(flags("8", Long.toString(315 * MIB), "0", "--csv"))
                .noneMatch(f -> f.startsWith("-Xmx"));
    }

    @Test
    void aCoreCountThatIsNoNumberIsSaidAndTheMachinesIsUsed() throws Exception {
        List<String> out = flags("two", Long.toString(315 * MIB), "0");
        assertThat(out)
                .contains(
                        "kpi-jvm-options: JOIGNABLE_CPUS=two is not a number of cores; using nproc");
        assertThat(out).contains("-XX:+UseParallelGC", "-Xmx1024m");
    }

    @Test
    void everySetItPrintsStartsThisJvm() throws Exception {
        for (List<String> set :
                List.of(
                        flags("2", Long.toString(20 * MIB), "0"),
                        flags("2", Long.toString(315 * MIB), "0"),
                        flags("8", Long.toString(315 * MIB), "0", "--csv"))) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(set);
            cmd.add("-version");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = readAll(p);
            assertThat(p.waitFor()).as(set + ": " + out).isZero();
            assertThat(out).as(set.toString()).doesNotContain("Unrecognized", "Error");
        }
    }

    private static String readAll(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
