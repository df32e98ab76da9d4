package fr.joignable.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Flink KPI job's bounded run ({@code joignable kpi}: batch mode, Parquet tables) over a year
 * of simulator output, against a pass-through Flink job over the same file in the same run (same
 * reader and event decoding, same parallelism, discarding sink); then the same KPI run over one
 * month (and optionally several years) to check that the throughput stays flat. Each run is a fresh
 * JVM ({@link KpiJobChild}) with the JVM flags {@code ./joignable kpi} would give it ({@link
 * KpiRunJvm}), so its peak heap and resident set are its own and a user's; times are taken inside
 * the child, from before the Flink environment is created to the end of the job.
 */
public final class KpiRun {

    static final String NAME = "kpi";

    private KpiRun() {}

    /**
     * @param days the main run (365: a year)
     * @param shortDays the short run to compare the throughput with (30: a month)
     * @param longDays a long run (e.g. 1826: five years), 0 to skip
     * @param tinyDays a tiny run whose time estimates Flink's fixed cost, subtracted from the
     *     others for a second, marginal throughput ratio (0 to skip)
     */
    public static List<Row> run(Path work, int days, int shortDays, int longDays, int tinyDays)
            throws Exception {
        SimEvents.Events main = SimEvents.of(work, days);
        Map<String, String> pass =
                fileChild(
                        work,
                        main.file(),
                        List.of("file-pass", main.file().toString(), Long.toString(main.lines())),
                        1800);
        Path jobOut = work.resolve("kpi-out-main");
        Map<String, String> kpi = kpiRun(work, main, jobOut);
        double kpiRate = rate(kpi);
        Path baselineOut = work.resolve("duckdb-out");
        ReportRun.deleteTree(baselineOut);
        DuckDbBaseline.Timing duck = DuckDbBaseline.run(main.file(), baselineOut, 2);
        List<String> agreements = new ArrayList<>();
        for (String table : DuckDbBaseline.TABLES) {
            agreements.add(DuckDbBaseline.compare(table, baselineOut, jobOut).toString());
        }
        ReportRun.deleteTree(baselineOut);
        ReportRun.deleteTree(jobOut);
        double passRate = rate(pass);
        String w = String.format("%s of simulator output (%,d events)", span(days), main.lines());
        List<Row> ratios = new ArrayList<>();
        List<Row> figures = new ArrayList<>();
        ratios.add(
                Row.ratio(
                        NAME,
                        "KPI job bounded run time / pass-through Flink job time, " + w,
                        passRate / kpiRate,
                        "the cost of the KPI workflow and its Parquet tables over reading and"
                                + " decoding"));
        ratios.add(
                Row.ratio(
                        NAME,
                        "KPI job bounded run time / one DuckDB SQL per table over the same file"
                                + " (2 threads), "
                                + w,
                        Double.parseDouble(kpi.get("seconds")) / duck.seconds(),
                        "aim ≤ 2; the tables agree: " + String.join("; ", agreements)));
        figures.add(
                Row.of(
                        NAME,
                        "DuckDB baseline (contact_intervals + agent_intervals SQL), " + w,
                        duck.seconds(),
                        "s"));
        figures.add(Row.of(NAME, "KPI job bounded run (file, batch), " + w, kpiRate, "events/s"));
        figures.add(Row.of(NAME, "pass-through Flink job (file), " + w, passRate, "events/s"));
        figures.add(
                memRow(
                        "KPI job bounded run, peak heap used (sampled, garbage included), " + w,
                        kpi,
                        "peakHeapMb"));
        figures.add(
                memRow("KPI job bounded run, peak live heap (after GC), " + w, kpi, "peakLiveMb"));
        figures.add(memRow("KPI job bounded run, peak RSS, " + w, kpi, "peakRssMb"));
        figures.add(
                memRow(
                        "pass-through Flink job, peak heap used (sampled, garbage included), " + w,
                        pass,
                        "peakHeapMb"));
        figures.add(
                memRow(
                        "pass-through Flink job, peak live heap (after GC), " + w,
                        pass,
                        "peakLiveMb"));
        figures.add(memRow("pass-through Flink job, peak RSS, " + w, pass, "peakRssMb"));
        double fixed = 0;
        if (tinyDays > 0) {
            SimEvents.Events tiny = SimEvents.of(work, tinyDays);
            fixed = Double.parseDouble(kpiRun(work, tiny).get("seconds"));
            figures.add(
                    Row.of(
                            NAME,
                            String.format(
                                    "KPI job bounded run over %s (%,d events): ≈ Flink's fixed cost",
                                    span(tinyDays), tiny.lines()),
                            fixed,
                            "s"));
            Path launcher = LauncherRun.launcher();
            if (launcher != null) {
                int runs = 3;
                double e2e =
                        LauncherRun.kpiSeconds(
                                launcher, tiny.file(), work.resolve("kpi-out-launcher"), runs);
                figures.add(
                        Row.of(
                                NAME,
                                String.format(
                                        "`./joignable kpi` over %s (%,d events), wall clock as a"
                                                + " user runs it (JVM start and exit, the"
                                                + " launcher's class-data archive and JIT"
                                                + " choice), median of %d after a warm-up run",
                                        span(tinyDays), tiny.lines(), runs),
                                e2e,
                                "s"));
            }
            // the same for the pass-through: on a short input its events/s above is mostly
            // Flink's start; the marginal rate (tiny run's time and events subtracted) is the
            // speed of reading and decoding once the job runs
            Map<String, String> tinyPass =
                    fileChild(
                            work,
                            tiny.file(),
                            List.of(
                                    "file-pass",
                                    tiny.file().toString(),
                                    Long.toString(tiny.lines())),
                            600);
            double passFixed = Double.parseDouble(tinyPass.get("seconds"));
            double passSeconds = Double.parseDouble(pass.get("seconds"));
            double kpiSeconds = Double.parseDouble(kpi.get("seconds"));
            figures.add(
                    Row.of(
                            NAME,
                            String.format(
                                    "pass-through Flink job over %s (%,d events): its fixed cost",
                                    span(tinyDays), tiny.lines()),
                            passFixed,
                            "s"));
            if (passSeconds > passFixed && kpiSeconds > fixed) {
                double passMarginal = (main.lines() - tiny.lines()) / (passSeconds - passFixed);
                double kpiMarginal = (main.lines() - tiny.lines()) / (kpiSeconds - fixed);
                figures.add(
                        Row.of(
                                NAME,
                                "pass-through Flink job, marginal events/s ("
                                        + span(tinyDays)
                                        + " run's time and events subtracted), "
                                        + w,
                                passMarginal,
                                "events/s"));
                figures.add(
                        Row.of(
                                NAME,
                                "KPI job bounded run, marginal events/s ("
                                        + span(tinyDays)
                                        + " run's time and events subtracted), "
                                        + w,
                                kpiMarginal,
                                "events/s"));
                ratios.add(
                        Row.ratio(
                                NAME,
                                "KPI job / pass-through marginal throughput (fixed costs"
                                        + " subtracted), "
                                        + w,
                                kpiMarginal / passMarginal,
                                "≥ 0.5 is issue #17's aim for the plain throughput ratio"));
            }
        }
        double mainSeconds = Double.parseDouble(kpi.get("seconds"));
        if (shortDays > 0) {
            SimEvents.Events small = SimEvents.of(work, shortDays);
            Map<String, String> smallRun = kpiRun(work, small);
            double smallRate = rate(smallRun);
            double smallSeconds = Double.parseDouble(smallRun.get("seconds"));
            if (fixed > 0 && smallSeconds > fixed && mainSeconds > fixed) {
                ratios.add(
                        Row.ratio(
                                NAME,
                                "KPI job events/s over "
                                        + span(days)
                                        + " / over "
                                        + span(shortDays)
                                        + ", the fixed cost (run over "
                                        + span(tinyDays)
                                        + ") subtracted from both",
                                (main.lines() / (mainSeconds - fixed))
                                        / (small.lines() / (smallSeconds - fixed)),
                                "≈ 1: flat"));
            }
            ratios.add(
                    Row.ratio(
                            NAME,
                            "KPI job events/s over "
                                    + span(days)
                                    + " / over "
                                    + span(shortDays)
                                    + " ("
                                    + String.format("%,d", small.lines())
                                    + " events)",
                            kpiRate / smallRate,
                            "≈ 1 or more: throughput does not drop with the length of the input"
                                    + " (the short run carries more of Flink's fixed start cost)"));
            figures.add(
                    Row.of(
                            NAME,
                            String.format(
                                    "KPI job bounded run, %s (%,d events)",
                                    span(shortDays), small.lines()),
                            smallRate,
                            "events/s"));
        }
        if (longDays > 0) {
            SimEvents.Events big = SimEvents.of(work, longDays);
            Map<String, String> longRun = kpiRun(work, big);
            double bigRate = rate(longRun);
            ratios.add(
                    Row.ratio(
                            NAME,
                            "KPI job events/s over "
                                    + span(longDays)
                                    + String.format(" (%,d events)", big.lines())
                                    + " / over "
                                    + span(days),
                            bigRate / kpiRate,
                            "≈ 1: flat"));
            String lw = String.format("%s (%,d events)", span(longDays), big.lines());
            figures.add(Row.of(NAME, "KPI job bounded run, " + lw, bigRate, "events/s"));
            figures.add(
                    memRow(
                            "KPI job bounded run, peak heap used (sampled), " + lw,
                            longRun,
                            "peakHeapMb"));
            figures.add(
                    memRow(
                            "KPI job bounded run, peak live heap (after GC), " + lw,
                            longRun,
                            "peakLiveMb"));
            figures.add(memRow("KPI job bounded run, peak RSS, " + lw, longRun, "peakRssMb"));
        }
        ratios.addAll(figures);
        return ratios;
    }

    private static Map<String, String> kpiRun(Path work, SimEvents.Events events) throws Exception {
        Path out = work.resolve("kpi-out");
        Map<String, String> r = kpiRun(work, events, out);
        ReportRun.deleteTree(out);
        return r;
    }

    /** A bounded KPI run into {@code out}, left in place for the caller. */
    private static Map<String, String> kpiRun(Path work, SimEvents.Events events, Path out)
            throws Exception {
        ReportRun.deleteTree(out);
        return fileChild(
                work,
                events.file(),
                List.of("file-kpi", events.file().toString(), out.toString()),
                3600);
    }

    /**
     * A file child ({@code args}: its mode and arguments) over {@code events} with the flags and
     * the class-data archive {@code ./joignable kpi} would use. The first child of a mode in a work
     * folder first runs once over two days, unmeasured, to write that archive, as a user's first
     * {@code kpi} run does.
     */
    private static Map<String, String> fileChild(
            Path work, Path events, List<String> args, long timeoutSeconds) throws Exception {
        Path rpc = rpcJar(work);
        List<String> base = KpiRunJvm.flags(events);
        if (base == null) {
            // no launcher script (not the checkout's root): the harness's own flags, no archive
            return ChildJvm.run(KpiJobChild.class, null, rpc, args, timeoutSeconds);
        }
        String classPath = KpiRunJvm.jarsOnly(ChildJvm.classPath(rpc));
        if (classPath == null) {
            // a folder of classes with no jar beside it: no archive can hold it
            return ChildJvm.run(KpiJobChild.class, base, rpc, args, timeoutSeconds);
        }
        String mode = args.get(0);
        Path archive = KpiRunJvm.archive(work.resolve("cds"), mode, classPath);
        if (!Files.isRegularFile(archive)) {
            SimEvents.Events warm = SimEvents.of(work, 2);
            Path warmOut = work.resolve("kpi-out-cds");
            List<String> warmArgs =
                    mode.equals("file-kpi")
                            ? List.of(mode, warm.file().toString(), warmOut.toString())
                            : List.of(mode, warm.file().toString(), Long.toString(warm.lines()));
            Files.createDirectories(archive.getParent());
            Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            List<String> flags = new ArrayList<>(KpiRunJvm.flags(warm.file()));
            flags.addAll(KpiRunJvm.writeArchive(tmp));
            ChildJvm.runOn(KpiJobChild.class, flags, classPath, warmArgs, 600);
            ReportRun.deleteTree(warmOut);
            if (Files.isRegularFile(tmp)) {
                // moved in place whole: a child never loads a half-written archive
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        List<String> flags = new ArrayList<>(base);
        if (Files.isRegularFile(archive)) {
            flags.addAll(KpiRunJvm.useArchive(archive));
        }
        return ChildJvm.runOn(KpiJobChild.class, flags, classPath, args, timeoutSeconds);
    }

    /** Flink's RPC jar for the file children's class path, as ./joignable kpi has it. */
    private static Path rpcJar(Path work) throws java.io.IOException {
        return KpiRunJvm.rpcJar(System.getProperty("java.class.path"), work.resolve("flink-rpc"));
    }

    static double rate(Map<String, String> r) {
        return Long.parseLong(r.get("events")) / Double.parseDouble(r.get("seconds"));
    }

    static Row memRow(String what, Map<String, String> r, String key) {
        return Row.of(NAME, what, Double.parseDouble(r.get(key)), "MiB");
    }

    static String span(int days) {
        if (days % 365 == 0 || days == 1826) {
            int y = Math.round(days / 365f);
            return y == 1 ? "1 year" : y + " years";
        }
        if (days == 30 || days == 31) {
            return "1 month";
        }
        return days + " days";
    }
}
