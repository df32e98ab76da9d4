package fr.joignable.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured job in a fresh JVM (same classpath, same flags) so that its heap and resident
 * set are its own: the child prints one line {@code RESULT key=value ...}, returned as a map.
 */
final class ChildJvm {

    private ChildJvm() {}

    /** Starts a child that runs until destroyed; its output goes to {@code log}. */
    static Process start(Class<?> main, List<String> args, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(main, args));
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> command(Class<?> main, List<String> args) {
        return command(main, null, null, args);
    }

    private static List<String> command(
            Class<?> main, List<String> jvmFlags, Path extraJar, List<String> args) {
        return commandOn(main, jvmFlags, classPath(extraJar), args);
    }

    /**
     * @param jvmFlags heap, GC and JIT flags that replace the harness's own ({@code -Xm…}, {@code
     *     -XX:…}), or null to keep them
     * @param classPath the child's class path
     */
    private static List<String> commandOn(
            Class<?> main, List<String> jvmFlags, String classPath, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean replaced =
                    jvmFlags != null
                            && (a.startsWith("-Xm")
                                    || a.startsWith("-Xss")
                                    || a.startsWith("-XX:"));
            if (!replaced && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        if (jvmFlags != null) {
            cmd.addAll(jvmFlags);
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * A child's class path: the harness's, or with {@code extraJar} (not null) appended and Scala
     * 2.13 left out ({@link #withoutScala213}).
     */
    static String classPath(Path extraJar) {
        String classPath = System.getProperty("java.class.path");
        return extraJar == null
                ? classPath
                : withoutScala213(classPath)
                        + java.io.File.pathSeparator
                        + extraJar.toAbsolutePath();
    }

    /**
     * The class path without Scala 2.13 (the embedded Kafka broker's {@code kafka_2.13}, {@code
     * scala-library}, {@code scala-reflect}, {@code scala-logging}): beside Flink's RPC jar, which
     * holds Scala 2.12 unshaded, Pekko would find 2.13's {@code scala.Predef} first and fail
     * ({@code NoSuchMethodError}). A file child runs no broker; {@code ./joignable kpi}'s class
     * path has no 2.13 either.
     */
    static String withoutScala213(String classPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry).getFileName();
            String name = file == null ? "" : file.toString();
            boolean scala213 =
                    name.contains("_2.13-")
                            || name.startsWith("scala-library-2.13")
                            || name.startsWith("scala-reflect-2.13");
            if (!scala213) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    static Map<String, String> run(Class<?> main, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(main, null, args, timeoutSeconds);
    }

    /** As {@link #run(Class, List, long)}, with {@code jvmFlags} instead of the harness's own. */
    static Map<String, String> run(
            Class<?> main, List<String> jvmFlags, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(main, jvmFlags, null, args, timeoutSeconds);
    }

    /** As {@link #run(Class, List, List, long)}, with {@code extraJar} on the class path. */
    static Map<String, String> run(
            Class<?> main,
            List<String> jvmFlags,
            Path extraJar,
            List<String> args,
            long timeoutSeconds)
            throws IOException, InterruptedException {
        return runOn(main, jvmFlags, classPath(extraJar), args, timeoutSeconds);
    }

    /** As {@link #run(Class, List, long)}, with {@code jvmFlags} and {@code classPath}. */
    static Map<String, String> runOn(
            Class<?> main,
            List<String> jvmFlags,
            String classPath,
            List<String> args,
            long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(commandOn(main, jvmFlags, classPath, args))
                        .redirectErrorStream(true);
        // as ./joignable does for kpi and stream (the children are those jobs): fewer malloc
        // arenas for Flink's off-heap memory
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process p = pb.start();
        Thread watchdog =
                new Thread(
                        () -> {
                            try {
                                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                                    p.destroyForcibly();
                                }
                            } catch (InterruptedException e) {
                                // the run ended first
                            }
                        },
                        "bench-child-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Map<String, String> result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = new LinkedHashMap<>();
                    for (String kv : line.substring(7).trim().split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else {
                    tail.add(line);
                    if (tail.size() > 30) {
                        tail.remove(0);
                    }
                }
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " timed out");
        }
        if (p.exitValue() != 0 || result == null) {
            throw new IllegalStateException(
                    main.getSimpleName()
                            + " "
                            + args
                            + " failed (exit "
                            + p.exitValue()
                            + "):\n"
                            + String.join("\n", tail));
        }
        return result;
    }
}
