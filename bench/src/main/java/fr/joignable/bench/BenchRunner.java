package fr.joignable.bench;

import fr.joignable.domain.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the selected benchmarks in one JVM, prints a table and writes {@code docs/benchmarks.md}.
 *
 * <pre>
 * BenchRunner [--quick] [--only codec,erlang,...] [--out FILE | --no-write] [--work DIR]
 *             [--command TEXT] [--SIZE VALUE ...]
 * </pre>
 *
 * {@code --quick} swaps every size for a tiny one (the smoke test); any size of {@link #SIZES} can
 * be set on its own afterwards ({@code --staffing-queues 10}). {@code ./bench/run} passes its own
 * command line as {@code --command} so that the report names it.
 */
public final class BenchRunner {

    /** The benchmarks in the order they run. */
    public static final List<String> ALL =
            List.of(
                    "codec",
                    "erlang",
                    "staffing",
                    "simulate",
                    "plan",
                    "forecast",
                    "report",
                    "convert",
                    "kpi",
                    "kafka",
                    "latency");

    /** The benchmarks that start Flink jobs (and brokers): tens of seconds even when quick. */
    public static final List<String> FLINK = List.of("kpi", "kafka", "latency");

    /** Size name → {default, quick}, with what it sets. */
    static final Map<String, String[]> SIZES = new LinkedHashMap<>();

    static {
        size("jmh-warmups", "2", "0", "JMH warm-up iterations per benchmark");
        size("jmh-iterations", "3", "1", "JMH measurement iterations per benchmark");
        size("jmh-ms", "1000", "100", "length of one JMH iteration, ms");
        size("jmh-forks", "1", "0", "JMH forks (0: in this JVM)");
        size("staffing-queues", "50", "1", "queues staffed for a year (35,040 solves each)");
        size("staffing-large", "1000", "20", "Erlang C solves at 500–5,000 erlangs");
        size("plan-days", "28", "2", "days planned by staff and replayed by simulate (a month)");
        size("simulate-seeds", "10", "1", "seeds of simulate");
        size("forecast-series", "50", "2", "series of two years forecast");
        size("report-events-m", "10", "0.5", "millions of events behind the report's tables");
        size("report-months", "12", "1", "months of tables up to the reported October 2026");
        size("report-repeats", "3", "1", "timed runs of the scan and each report (median)");
        size(
                "convert-lines",
                "2000000",
                "20000",
                "queue_log lines converted (a year of one centre)");
        size("kpi-days", "365", "2", "days of simulator output for the KPI job's bounded run");
        size("kpi-short-days", "30", "1", "the short run compared with it (0: skip)");
        size("kpi-long-days", "0", "0", "a long run, e.g. 1826 for five years (0: skip)");
        size("kpi-tiny-days", "2", "0", "a tiny run: Flink's fixed cost (0: skip)");
        size("kafka-days", "365", "2", "days of simulator output for the Kafka runs");
        size("latency-seconds", "300", "20", "wall time of the real-pace latency run, s");
        size("latency-ooo-ms", "300000", "300000", "its out-of-orderness, ms (production: 5 min)");
        size("latency-compare-seconds", "60", "10", "a run at out-of-orderness 0 (0: skip)");
    }

    private static void size(String name, String def, String quick, String help) {
        SIZES.put(name, new String[] {def, quick, help});
    }

    /** What a run produced: its rows, the benchmarks that failed (name → message), seconds. */
    public record Outcome(
            List<Row> rows,
            Map<String, String> failures,
            double seconds,
            double loadBefore,
            double loadAfter) {}

    private BenchRunner() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out).failures().isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.out.flush();
        // Flink, Kafka and DuckDB may leave non-daemon threads behind
        System.exit(code);
    }

    public static Outcome run(String[] args, PrintStream out) throws Exception {
        ParseResult parsed;
        try {
            parsed = new CommandLine(options()).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage(), e);
        }
        if (parsed.isUsageHelpRequested()) {
            out.println(usage());
            return new Outcome(List.of(), Map.of(), 0, 0, 0);
        }
        boolean quick = parsed.hasMatchedOption("--quick");
        boolean write = !parsed.hasMatchedOption("--no-write");
        List<String> only =
                parsed.hasMatchedOption("--only")
                        ? names(parsed.matchedOptionValue("--only", ""))
                        : ALL;
        Path target = Path.of(parsed.matchedOptionValue("--out", "docs/benchmarks.md"));
        String workDir = parsed.matchedOptionValue("--work", (String) null);
        Path work = workDir == null ? null : Path.of(workDir);
        String command =
                parsed.matchedOptionValue("--command", "BenchRunner " + String.join(" ", args));
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : SIZES.keySet()) {
            if (parsed.hasMatchedOption("--" + name)) {
                given.put(name, parsed.matchedOptionValue("--" + name, ""));
            }
        }
        Map<String, String> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : SIZES.entrySet()) {
            sizes.put(e.getKey(), e.getValue()[quick ? 1 : 0]);
        }
        sizes.putAll(given);
        if (work == null) {
            work = Path.of(System.getProperty("java.io.tmpdir"), "joignable-bench");
        }
        Files.createDirectories(work);

        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String name : only) {
            out.printf(Locale.ROOT, "== %s ...%n", name);
            out.flush();
            long b0 = System.nanoTime();
            try {
                List<Row> got = runOne(name, sizes, work);
                rows.addAll(got);
                for (Row r : got) {
                    out.println("   " + line(r));
                }
            } catch (Exception | Error e) {
                failures.put(name, e.toString());
                out.println("   FAILED: " + e);
                e.printStackTrace(out);
            }
            out.printf(Locale.ROOT, "   (%s: %.1f s)%n", name, (System.nanoTime() - b0) / 1e9);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Outcome outcome = new Outcome(rows, failures, seconds, loadBefore, loadAfter);
        out.println();
        out.println(table(rows));
        out.printf(Locale.ROOT, "total %.0f s%n", seconds);
        if (write) {
            String md = Markdown.render(outcome, started, command, quick, sizes, only);
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            AtomicFiles.writeText(target, w -> w.write(md));
            out.println("wrote " + target);
        }
        return outcome;
    }

    static List<Row> runOne(String name, Map<String, String> s, Path work) throws Exception {
        JmhSuite.Settings jmh =
                new JmhSuite.Settings(
                        integer(s, "jmh-warmups"),
                        integer(s, "jmh-iterations"),
                        integer(s, "jmh-ms"),
                        integer(s, "jmh-forks"));
        return switch (name) {
            case "codec" -> JmhSuite.codec(jmh);
            case "erlang" -> JmhSuite.erlang(jmh);
            case "staffing" ->
                    StaffingRun.run(integer(s, "staffing-queues"), integer(s, "staffing-large"));
            case "simulate" ->
                    SimulateRun.run(work, integer(s, "plan-days"), integer(s, "simulate-seeds"));
            case "plan" -> PlanRun.run(work, integer(s, "plan-days"));
            case "forecast" -> ForecastRun.run(integer(s, "forecast-series"));
            case "report" ->
                    ReportRun.run(
                            Double.parseDouble(s.get("report-events-m")),
                            integer(s, "report-months"),
                            integer(s, "report-repeats"),
                            work);
            case "kpi" ->
                    KpiRun.run(
                            work,
                            integer(s, "kpi-days"),
                            integer(s, "kpi-short-days"),
                            integer(s, "kpi-long-days"),
                            integer(s, "kpi-tiny-days"));
            case "convert" -> ConvertRun.run(work, integer(s, "convert-lines"));
            case "kafka" -> KafkaRun.run(work, integer(s, "kafka-days"));
            case "latency" ->
                    LatencyRun.run(
                            work,
                            integer(s, "latency-seconds"),
                            integer(s, "latency-ooo-ms"),
                            integer(s, "latency-compare-seconds"));
            default -> throw new IllegalArgumentException("unknown benchmark " + name);
        };
    }

    private static int integer(Map<String, String> s, String name) {
        try {
            return Integer.parseInt(s.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not an integer: " + s.get(name));
        }
    }

    private static List<String> names(String csv) {
        List<String> names = new ArrayList<>();
        for (String n : csv.split(",")) {
            String t = n.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!ALL.contains(t)) {
                throw new IllegalArgumentException("unknown benchmark " + t + "; known: " + ALL);
            }
            names.add(t);
        }
        // keep the canonical order
        names.sort((x, y) -> ALL.indexOf(x) - ALL.indexOf(y));
        return names;
    }

    /**
     * The harness's options, parsed by picocli: the fixed ones and one {@code --SIZE VALUE} per row
     * of {@link #SIZES} (the table also gives the defaults and the usage text).
     */
    static CommandSpec options() {
        CommandSpec spec = CommandSpec.create().name("./bench/run");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
        spec.addOption(OptionSpec.builder("--quick").type(boolean.class).build());
        spec.addOption(OptionSpec.builder("--no-write").type(boolean.class).build());
        for (String name : List.of("--only", "--out", "--work", "--command")) {
            spec.addOption(OptionSpec.builder(name).type(String.class).arity("1").build());
        }
        for (String size : SIZES.keySet()) {
            spec.addOption(OptionSpec.builder("--" + size).type(String.class).arity("1").build());
        }
        return spec;
    }

    static String usage() {
        StringBuilder b =
                new StringBuilder(
                        "usage: ./bench/run [--quick] [--only "
                                + String.join(",", ALL)
                                + "] [--out FILE | --no-write] [--work DIR] [--SIZE VALUE ...]\n"
                                + "sizes (default / --quick):\n");
        for (Map.Entry<String, String[]> e : SIZES.entrySet()) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  --%-18s %6s / %-5s %s%n",
                            e.getKey(),
                            e.getValue()[0],
                            e.getValue()[1],
                            e.getValue()[2]));
        }
        return b.toString();
    }

    static String line(Row r) {
        return String.format(
                Locale.ROOT,
                "%-9s %12s %-9s %s%s",
                r.benchmark(),
                r.formattedValue(),
                r.unit(),
                r.what(),
                r.note().isEmpty() ? "" : "  (" + r.note() + ")");
    }

    /** Ratios first, then every other figure. */
    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("RATIOS (same run)\n");
        rows.stream().filter(Row::isRatio).forEach(r -> b.append(line(r)).append('\n'));
        b.append("FIGURES\n");
        rows.stream().filter(r -> !r.isRatio()).forEach(r -> b.append(line(r)).append('\n'));
        return b.toString();
    }

    /** Cores, memory, JDK and OS of this machine, one line each. */
    static List<String> machine() {
        List<String> m = new ArrayList<>();
        String cpu = cpuModel();
        m.add(
                "cores: "
                        + Runtime.getRuntime().availableProcessors()
                        + (cpu.isEmpty() ? "" : " (" + cpu + ")"));
        long total = -1;
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
        }
        m.add(
                String.format(
                        Locale.ROOT,
                        "memory: %.1f GiB physical, JVM max heap %.1f GiB",
                        total / (double) (1L << 30),
                        Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
        m.add(
                "JDK: "
                        + System.getProperty("java.vm.name")
                        + " "
                        + System.getProperty("java.runtime.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + "), flags: "
                        + String.join(" ", jvmFlags()));
        m.add(
                "OS: "
                        + System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"));
        return m;
    }

    private static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("--add-opens") && !a.contains("=ALL-UNNAMED")) {
                flags.add(a);
            }
        }
        return flags;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    static String now(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static List<String> split(String csv) {
        return Arrays.asList(csv.split(","));
    }
}
