package fr.joignable.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink session cluster made of separate OS processes on loopback: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and N TaskManagers ({@code TaskManagerRunner}), started from
 * Flink's Maven artifacts (no distribution tarball) with a {@code config.yaml} written into {@code
 * workDir/conf}. Jobs are submitted like {@code flink run -d}: {@code CliFrontend} in a separate
 * JVM on the same classpath, so the job jar is loaded only from the jar, as on a real cluster. The
 * REST API (no web UI: {@code flink-runtime-web} is not on the classpath, so {@code /jars/upload}
 * is absent) is used to follow jobs.
 *
 * <p>Everything lives under {@code workDir}: configuration, one log file per process ({@code
 * logs/jobmanager.log}, {@code logs/taskmanager-<i>.log}, {@code logs/submit-<n>.log}), temporary
 * folders, checkpoints ({@code checkpoints/}) and savepoints ({@code savepoints/}). {@link
 * #close()} kills every process it started.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    /** The Flink classpath the build writes (maven-dependency-plugin build-classpath). */
    public static final String CLASSPATH_FILE_PROPERTY = "joignable.flinkClasspathFile";

    private static final List<String> JVM_OPENS =
            List.of(
                    "java.base/java.lang",
                    "java.base/java.net",
                    "java.base/java.io",
                    "java.base/java.nio",
                    "java.base/sun.nio.ch",
                    "java.base/java.lang.reflect",
                    "java.base/java.text",
                    "java.base/java.time",
                    "java.base/java.util",
                    "java.base/java.util.concurrent",
                    "java.base/java.util.concurrent.atomic",
                    "java.base/java.util.concurrent.locks");
    private static final Pattern JOB_ID =
            Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    private final Path workDir;
    private final Path confDir;
    private final Path logDir;
    private final String classpath;
    private final int initialTaskManagers;
    private final boolean supervised;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final List<Process> taskManagers = new ArrayList<>();

    /** TaskManagers this harness killed or already replaced: not replaced (again). */
    private final java.util.Set<Integer> notToReplace = new java.util.HashSet<>();

    /** TaskManagers that exited on their own and were replaced, with their first fatal line. */
    private final List<String> replaced = new ArrayList<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process jobManager;
    private int submissions;

    /** Kills the processes should the test JVM exit without {@link #close()} (e.g. Ctrl-C). */
    private final Thread killOnExit = new Thread(this::killAll, "flink-session-cluster-kill");

    private FlinkSessionCluster(Builder b) {
        this.workDir = b.workDir.toAbsolutePath();
        this.confDir = workDir.resolve("conf");
        this.logDir = workDir.resolve("logs");
        this.classpath = b.classpath;
        this.initialTaskManagers = b.taskManagers;
        this.supervised = b.supervised;
        Runtime.getRuntime().addShutdownHook(killOnExit);

        int restPort = freePort();
        int rpcPort = freePort();
        Path tmp = workDir.resolve("tmp");
        config.put("jobmanager.rpc.address", "127.0.0.1");
        config.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        config.put("jobmanager.bind-host", "127.0.0.1");
        config.put("rest.address", "127.0.0.1");
        config.put("rest.bind-address", "127.0.0.1");
        config.put("rest.port", Integer.toString(restPort));
        config.put("taskmanager.host", "127.0.0.1");
        config.put("taskmanager.bind-host", "127.0.0.1");
        config.put("taskmanager.rpc.port", "0");
        config.put("taskmanager.data.port", "0");
        config.put("blob.server.port", "0");
        config.put("taskmanager.numberOfTaskSlots", Integer.toString(b.slotsPerTaskManager));
        config.put("parallelism.default", "1");
        config.put("io.tmp.dirs", tmp.toString());
        config.put("web.tmpdir", tmp.toString());
        // fast failure detection: a killed TaskManager is declared lost after 5 s
        config.put("heartbeat.interval", "1 s");
        config.put("heartbeat.timeout", "5 s");
        // REST job details carry per-vertex record counts at most 1 s old
        config.put("metrics.fetcher.update-interval", "1 s");
        config.put("restart-strategy.type", "fixed-delay");
        config.put("restart-strategy.fixed-delay.attempts", "20");
        config.put("restart-strategy.fixed-delay.delay", "2 s");
        config.put("execution.checkpointing.storage", "filesystem");
        config.put(
                "execution.checkpointing.dir", workDir.resolve("checkpoints").toUri().toString());
        config.put(
                "execution.checkpointing.savepoint-dir",
                workDir.resolve("savepoints").toUri().toString());
        // JobManager: ~640 MB process
        config.put("jobmanager.memory.process.size", "640m");
        config.put("jobmanager.memory.jvm-metaspace.size", "128m");
        config.put("jobmanager.memory.off-heap.size", "64m");
        config.put("jobmanager.memory.jvm-overhead.min", "64m");
        config.put("jobmanager.memory.jvm-overhead.max", "64m");
        // TaskManager: 896 MB process; every component set so the process spec resolves
        config.put("taskmanager.memory.process.size", "896m");
        // a restart loads the job jar again in a new class loader while the old one is collected
        config.put("taskmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.memory.jvm-overhead.min", "96m");
        config.put("taskmanager.memory.jvm-overhead.max", "96m");
        config.put("taskmanager.memory.framework.heap.size", "64m");
        config.put("taskmanager.memory.framework.off-heap.size", "64m");
        config.put("taskmanager.memory.task.off-heap.size", "0m");
        config.put("taskmanager.memory.managed.size", "32m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.putAll(b.extraConfig);
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** Options of the cluster; defaults: 2 TaskManagers of 2 slots, the build's Flink classpath. */
    public static final class Builder {
        private final Path workDir;
        private int taskManagers = 2;
        private int slotsPerTaskManager = 2;
        private boolean supervised;
        private String classpath;
        private final Map<String, String> extraConfig = new LinkedHashMap<>();

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder taskManagers(int n) {
            this.taskManagers = n;
            return this;
        }

        public Builder slotsPerTaskManager(int n) {
            this.slotsPerTaskManager = n;
            return this;
        }

        /**
         * Whether waiting for a job also replaces TaskManagers that exited by themselves, as a
         * resource manager would ({@link #replaceExitedTaskManagers()}); default false.
         */
        public Builder supervised(boolean supervised) {
            this.supervised = supervised;
            return this;
        }

        /**
         * The classpath of the Flink processes; default: the file named by {@value
         * #CLASSPATH_FILE_PROPERTY}.
         */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Adds or overrides one {@code config.yaml} entry. */
        public Builder config(String key, String value) {
            extraConfig.put(key, value);
            return this;
        }

        public FlinkSessionCluster build() {
            if (classpath == null) {
                classpath = readClasspathFile();
            }
            return new FlinkSessionCluster(this);
        }
    }

    /**
     * Starts the JobManager, waits for its REST API, then starts the TaskManagers and waits for
     * them to register.
     */
    public void start() {
        try {
            Files.createDirectories(confDir);
            Files.createDirectories(logDir);
            Files.createDirectories(workDir.resolve("tmp"));
            writeConfig();
            Configuration flinkConf = Configuration.fromMap(config);
            JobManagerProcessSpec jm = JobManagerProcessUtils.processSpecFromConfig(flinkConf);
            List<String> jvm =
                    split(JobManagerProcessUtils.generateJvmParametersStr(jm, flinkConf));
            List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
            args.addAll(split(JobManagerProcessUtils.generateDynamicConfigsStr(jm)));
            jobManager =
                    launch(
                            "jobmanager",
                            jvm,
                            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                            args);
            waitUntil(
                    "JobManager REST API",
                    Duration.ofSeconds(60),
                    () -> {
                        requireAlive(jobManager, "jobmanager");
                        return tryGet("/overview") != null;
                    });
            for (int i = 0; i < initialTaskManagers; i++) {
                startTaskManager();
            }
            waitForTaskManagers(initialTaskManagers, Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + config.get("rest.port"));
    }

    public Path workDir() {
        return workDir;
    }

    public Path confDir() {
        return confDir;
    }

    /**
     * Starts one more TaskManager process and returns its index (for {@link
     * #killTaskManager(int)}). Does not wait for it to register.
     */
    public synchronized int startTaskManager() {
        Configuration flinkConf = Configuration.fromMap(config);
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(flinkConf);
        List<String> jvm = split(ProcessMemoryUtils.generateJvmParametersStr(spec));
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        args.addAll(split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        int index = taskManagers.size();
        taskManagers.add(
                launch(
                        "taskmanager-" + index,
                        jvm,
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        args));
        return index;
    }

    /**
     * Kills TaskManager {@code index} at once (SIGKILL: no clean shutdown, like a lost machine).
     */
    public synchronized void killTaskManager(int index) {
        notToReplace.add(index);
        Process p = taskManagers.get(index);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Does what a resource manager (Kubernetes, YARN, systemd) does for a session cluster: starts a
     * new TaskManager for each one that exited by itself, not killed by {@link
     * #killTaskManager(int)}. A TaskManager can exit by itself when a peer is lost: Flink 2.2 may
     * hit a fatal error while a task releases its network buffers after the connection to the lost
     * peer broke ("FATAL - exception in exception handler ... Lost connection to task manager"),
     * and terminates the whole process; production runs its TaskManagers supervised, so the test
     * does too. Returns the number started.
     */
    public synchronized int replaceExitedTaskManagers() {
        int started = 0;
        int n = taskManagers.size();
        for (int i = 0; i < n; i++) {
            if (!notToReplace.contains(i) && !taskManagers.get(i).isAlive()) {
                notToReplace.add(i);
                String fatal = firstFatalLine(logDir.resolve("taskmanager-" + i + ".log"));
                replaced.add(
                        "taskmanager-"
                                + i
                                + " exited (code "
                                + taskManagers.get(i).exitValue()
                                + "): "
                                + fatal);
                startTaskManager();
                started++;
            }
        }
        return started;
    }

    /** What {@link #replaceExitedTaskManagers()} replaced, one line each. */
    public synchronized List<String> replacedTaskManagers() {
        return List.copyOf(replaced);
    }

    private static String firstFatalLine(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("FATAL") || l.contains("Fatal error"))
                    .findFirst()
                    .orElse("(no fatal line in its log)");
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Indexes of the TaskManager processes still running. */
    public synchronized List<Integer> liveTaskManagers() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < taskManagers.size(); i++) {
            if (taskManagers.get(i).isAlive()) {
                live.add(i);
            }
        }
        return live;
    }

    /** Waits until the JobManager lists at least {@code n} registered TaskManagers. */
    public void waitForTaskManagers(int n, Duration timeout) {
        waitUntil(
                n + " registered TaskManagers",
                timeout,
                () -> {
                    requireAlive(jobManager, "jobmanager");
                    JsonNode tms = tryGet("/taskmanagers");
                    return tms != null && tms.path("taskmanagers").size() >= n;
                });
    }

    /**
     * Submits a job jar, detached, like {@code flink run -d -p PARALLELISM -c MAIN_CLASS JAR ARGS}:
     * Flink's {@code CliFrontend} runs in its own JVM with the cluster's classpath and {@code
     * FLINK_CONF_DIR}, runs the jar's main method to build the job graph and posts it with the jar
     * to the REST API ({@code POST /jobs}). Returns the job id (32 hex digits).
     */
    public String submitJar(Path jar, String mainClass, int parallelism, List<String> args) {
        int n = ++submissions;
        List<String> cliArgs =
                new ArrayList<>(
                        List.of(
                                "run",
                                "-d",
                                "-p",
                                Integer.toString(parallelism),
                                "-c",
                                mainClass,
                                jar.toAbsolutePath().toString()));
        cliArgs.addAll(args);
        Process p =
                launch(
                        "submit-" + n,
                        List.of("-Xmx256m"),
                        "org.apache.flink.client.cli.CliFrontend",
                        cliArgs);
        Path log = logDir.resolve("submit-" + n + ".log");
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("job submission timed out; see " + log);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = JOB_ID.matcher(out);
            if (p.exitValue() != 0 || !m.find()) {
                throw new IllegalStateException(
                        "job submission failed (exit " + p.exitValue() + "):\n" + tail(log, 60));
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while submitting", e);
        }
    }

    /** The job's state as the REST API reports it ({@code RUNNING}, {@code FINISHED}, ...). */
    public String jobStatus(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** {@code GET /jobs/ID} as JSON. */
    public JsonNode jobDetails(String jobId) {
        return get("/jobs/" + jobId);
    }

    /** {@code GET /jobs/ID/checkpoints} as JSON (counts, latest completed and restored). */
    public JsonNode checkpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /**
     * Waits for the job to reach one of {@code states}; fails fast on a terminal state not asked
     * for.
     */
    public String waitForJobStatus(String jobId, Set<String> states, Duration timeout) {
        Set<String> terminal = Set.of("FINISHED", "FAILED", "CANCELED");
        String[] last = {null};
        waitUntil(
                () -> "job " + jobId + " in " + states + "; " + diagnosis(jobId),
                timeout,
                () -> {
                    requireAlive(jobManager, "jobmanager");
                    if (supervised) {
                        replaceExitedTaskManagers();
                    }
                    JsonNode job = tryGet("/jobs/" + jobId);
                    last[0] = job == null ? null : job.path("state").asText();
                    if (last[0] != null
                            && terminal.contains(last[0])
                            && !states.contains(last[0])) {
                        throw new IllegalStateException(
                                "job " + jobId + " ended " + last[0] + ": " + exceptions(jobId));
                    }
                    return last[0] != null && states.contains(last[0]);
                });
        return last[0];
    }

    /** Waits until at least {@code n} checkpoints of the job have completed; returns the count. */
    public long waitForCheckpoints(String jobId, int n, Duration timeout) {
        long[] completed = {0};
        waitUntil(
                n + " completed checkpoints of job " + jobId,
                timeout,
                () -> {
                    requireAlive(jobManager, "jobmanager");
                    JsonNode cp = tryGet("/jobs/" + jobId + "/checkpoints");
                    completed[0] = cp == null ? 0 : cp.path("counts").path("completed").asLong();
                    return completed[0] >= n;
                });
        return completed[0];
    }

    /**
     * What a stuck job looks like from the REST API: its state, each vertex's tasks by state, the
     * registered TaskManagers and their free slots, the checkpoint counts and the latest
     * exceptions; for the message of a time-out, where the logs of the processes are gone.
     */
    public String diagnosis(String jobId) {
        StringBuilder sb = new StringBuilder();
        JsonNode job = tryGet("/jobs/" + jobId);
        if (job == null) {
            return "(REST API not answering)";
        }
        sb.append("state ").append(job.path("state").asText());
        for (JsonNode v : job.path("vertices")) {
            sb.append("; vertex '")
                    .append(v.path("name").asText())
                    .append("' ")
                    .append(v.path("status").asText())
                    .append(" tasks ")
                    .append(v.path("tasks"));
        }
        JsonNode tms = tryGet("/taskmanagers");
        if (tms != null) {
            sb.append("; taskmanagers:");
            for (JsonNode tm : tms.path("taskmanagers")) {
                sb.append(' ')
                        .append(tm.path("id").asText())
                        .append(" free slots ")
                        .append(tm.path("freeSlots").asInt())
                        .append('/')
                        .append(tm.path("slotsNumber").asInt());
            }
        }
        JsonNode cp = tryGet("/jobs/" + jobId + "/checkpoints");
        if (cp != null) {
            sb.append("; checkpoints ").append(cp.path("counts"));
        }
        String ex = exceptions(jobId);
        sb.append("; exceptions ").append(ex, 0, Math.min(ex.length(), 4000));
        return sb.toString();
    }

    /** {@code GET /jobs/ID/exceptions} as text (root cause and history), for failure messages. */
    public String exceptions(String jobId) {
        JsonNode e = tryGet("/jobs/" + jobId + "/exceptions");
        return e == null ? "(no exceptions)" : e.toString();
    }

    /** The last {@code lines} lines of every process log, for a failing test's output. */
    public String logTails(int lines) {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(logDir)) {
            for (Path log : files.sorted().collect(Collectors.toList())) {
                sb.append("===== ").append(log).append(" =====\n").append(tail(log, lines));
            }
        } catch (IOException e) {
            sb.append("(cannot list ").append(logDir).append(": ").append(e).append(")\n");
        }
        return sb.toString();
    }

    /** Kills every process of the cluster (forcibly) and waits for them to be gone. */
    @Override
    public synchronized void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
    }

    private synchronized void killAll() {
        List<Process> all = new ArrayList<>(taskManagers);
        if (jobManager != null) {
            all.add(jobManager);
        }
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    private void writeConfig() throws IOException {
        StringBuilder yaml = new StringBuilder("# written by FlinkSessionCluster\n");
        config.forEach((k, v) -> yaml.append(k).append(": ").append(yamlString(v)).append('\n'));
        Files.writeString(confDir.resolve("config.yaml"), yaml.toString(), StandardCharsets.UTF_8);
        Files.writeString(
                confDir.resolve("log4j-console.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.console.ref = console",
                        "appender.console.name = console",
                        "appender.console.type = Console",
                        "appender.console.layout.type = PatternLayout",
                        "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1.} %m%n",
                        "logger.kafka.name = org.apache.kafka",
                        "logger.kafka.level = WARN",
                        "logger.shaded.name = org.apache.flink.shaded",
                        "logger.shaded.level = WARN",
                        ""),
                StandardCharsets.UTF_8);
    }

    private static String yamlString(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    private Process launch(String name, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        for (String open : JVM_OPENS) {
            cmd.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        cmd.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
        cmd.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j-console.properties").toUri());
        cmd.add("-Dlog.file=" + logDir.resolve(name + ".log"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("FLINK_CONF_DIR", confDir.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(logDir.resolve(name + ".log").toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private JsonNode get(String path) {
        JsonNode node = tryGet(path);
        if (node == null) {
            throw new IllegalStateException("GET " + restUrl() + path + " failed");
        }
        return node;
    }

    /** The JSON of a 200 answer, else null (connection refused, 404, ...). */
    private JsonNode tryGet(String path) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(restUrl().resolve(path))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void requireAlive(Process p, String name) {
        if (p != null && !p.isAlive()) {
            throw new IllegalStateException(name + " exited with " + p.exitValue());
        }
    }

    interface Condition {
        boolean met() throws Exception;
    }

    private static void waitUntil(String what, Duration timeout, Condition condition) {
        waitUntil(() -> what, timeout, condition);
    }

    /**
     * Waits for {@code condition}; on time-out the message is computed then, so that it can tell
     * the state the cluster was left in.
     */
    private static void waitUntil(
            java.util.function.Supplier<String> what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (condition.met()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "timed out after " + timeout + " waiting for " + what.get());
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what.get(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("failed waiting for " + what, e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    + "\n";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")\n";
        }
    }

    private static List<String> split(String args) {
        return Arrays.stream(args.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readClasspathFile() {
        String file = System.getProperty(CLASSPATH_FILE_PROPERTY);
        if (file == null) {
            throw new IllegalStateException(
                    "system property " + CLASSPATH_FILE_PROPERTY + " not set (run through Maven)");
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
