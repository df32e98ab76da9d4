package fr.joignable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./joignable kpi} as a user runs it: the launcher script, its JVM flags (class-data
 * archive, JIT choice) and the JVM's start and exit included, timed from outside. One warm-up run
 * first (it writes the launcher's class-data archive if there is none), then the median of {@code
 * runs}.
 */
final class LauncherRun {

    private LauncherRun() {}

    /** The launcher at the root of the checkout ({@code ./bench/run} starts there), or null. */
    static Path launcher() {
        Path p = Path.of("joignable").toAbsolutePath();
        return Files.isExecutable(p) && Files.isDirectory(Path.of("cli", "target")) ? p : null;
    }

    static double kpiSeconds(Path launcher, Path events, Path out, int runs) throws Exception {
        once(launcher, events, out);
        double[] s = new double[runs];
        for (int i = 0; i < runs; i++) {
            s[i] = once(launcher, events, out);
        }
        Arrays.sort(s);
        ReportRun.deleteTree(out);
        return s[runs / 2];
    }

    private static double once(Path launcher, Path events, Path out)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(
                                List.of(
                                        launcher.toString(),
                                        "kpi",
                                        "--events",
                                        events.toString(),
                                        "--out",
                                        out.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the launcher's own defaults, not the harness's flags; no rebuild inside the timing
        pb.environment().remove("JOIGNABLE_JAVA_OPTS");
        pb.environment().put("JOIGNABLE_SKIP_BUILD", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("./joignable kpi exited with " + code);
        }
        return seconds;
    }
}
