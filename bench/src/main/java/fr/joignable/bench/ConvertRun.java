package fr.joignable.bench;

import fr.joignable.inputs.Conversion;
import fr.joignable.inputs.InputFormat;
import fr.joignable.inputs.Mapping;
import fr.joignable.inputs.Skips;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code convert} of a synthetic Asterisk {@code queue_log}: a centre of 3 queues and 18 agents, a
 * call every 3 s over 9 hours a day (answered 82 %, abandoned 12 %, timed out 3 %, refused 3 %, a
 * ring-no-answer before 30 % of answers, members added/paused/removed each day), written
 * time-sorted like Asterisk writes it, then converted to {@code .jsonl.gz} as {@code joignable
 * convert} does. Reports the wall time and lines per second.
 */
final class ConvertRun {

    private ConvertRun() {}

    static List<Row> run(Path work, int lines) throws IOException {
        Path log = work.resolve("queue_log-" + lines);
        if (!Files.exists(log)) {
            write(log, lines);
        }
        Path out = work.resolve("queue_log-" + lines + ".jsonl.gz");
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Conversion.Result r =
                Conversion.toFile(
                        InputFormat.ASTERISK_QUEUE_LOG,
                        List.of(log),
                        Mapping.defaults(),
                        null,
                        out,
                        new Skips());
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        String what =
                String.format(
                        java.util.Locale.ROOT,
                        "convert asterisk-queue-log, %,d lines → %,d events (.gz)",
                        r.linesRead(),
                        r.events());
        // the aim of issue 15: a year of one centre (about 2 M lines) in 10 s; scaled to this size
        double aimSeconds = 10.0 * r.linesRead() / 2_000_000.0;
        return List.of(
                Row.ratio(
                        "convert",
                        "convert time / the aim (2 M queue_log lines in 10 s), scaled to "
                                + String.format(java.util.Locale.ROOT, "%,d", r.linesRead())
                                + " lines",
                        s / aimSeconds,
                        "≤ 1 meets the aim"),
                Row.of("convert", what, s, "s"),
                Row.of(
                        "convert",
                        "convert CPU time, all threads (wall time is mostly waiting on a loaded"
                                + " machine)",
                        cpu,
                        "s"),
                Row.of(
                        "convert",
                        "convert asterisk-queue-log throughput",
                        r.linesRead() / s,
                        "lines/s"));
    }

    /** CPU time of the whole process (every thread, GC included), or 0 if not measurable. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** About {@code lines} lines of a realistic log, deterministic (seed 7). */
    static void write(Path log, int lines) throws IOException {
        Random rnd = new Random(7);
        String[] queues = {"loyers", "technique", "accueil"};
        long day0 = 1_759_651_200L;
        int written = 0;
        long seq = 0;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int d = 0; written < lines; d++, day0 += 86_400) {
                List<long[]> keys = new ArrayList<>();
                List<String> day = new ArrayList<>();
                for (int q = 0; q < 3; q++) {
                    for (int a = 0; a < 6; a++) {
                        String agent = "Agent/" + (q + 1) + "0" + a;
                        add(
                                day,
                                keys,
                                day0 - 60,
                                "NONE|" + queues[q] + "|" + agent + "|ADDMEMBER|");
                        add(
                                day,
                                keys,
                                day0 + 14_400,
                                "NONE|" + queues[q] + "|" + agent + "|PAUSE|lunch");
                        add(
                                day,
                                keys,
                                day0 + 16_200,
                                "NONE|" + queues[q] + "|" + agent + "|UNPAUSE|");
                        add(
                                day,
                                keys,
                                day0 + 32_400,
                                "NONE|" + queues[q] + "|" + agent + "|REMOVEMEMBER|");
                    }
                }
                for (double t = day0; t < day0 + 32_400; ) {
                    t += -Math.log(1 - rnd.nextDouble()) * 3.0;
                    long ti = (long) t;
                    String q = queues[rnd.nextInt(3)];
                    String cid = ti + "." + (++seq);
                    double r = rnd.nextDouble();
                    if (r < 0.03) {
                        add(day, keys, ti, cid + "|" + q + "|NONE|CLOSED|");
                        continue;
                    }
                    add(
                            day,
                            keys,
                            ti,
                            cid
                                    + "|"
                                    + q
                                    + "|NONE|ENTERQUEUE||06"
                                    + (10_000_000 + rnd.nextInt(89_999_999))
                                    + "|1");
                    long wait = (long) (-Math.log(1 - rnd.nextDouble()) * 25);
                    String agent =
                            "Agent/"
                                    + (java.util.Arrays.asList(queues).indexOf(q) + 1)
                                    + "0"
                                    + rnd.nextInt(6);
                    if (r < 0.15) {
                        add(day, keys, ti + wait, cid + "|" + q + "|NONE|ABANDON|1|1|" + wait);
                    } else if (r < 0.18) {
                        add(
                                day,
                                keys,
                                ti + wait,
                                cid + "|" + q + "|NONE|EXITWITHTIMEOUT|1|1|" + wait);
                    } else {
                        if (rnd.nextDouble() < 0.3) {
                            add(
                                    day,
                                    keys,
                                    ti + Math.max(0, wait - 5),
                                    cid + "|" + q + "|" + agent + "|RINGNOANSWER|5000");
                        }
                        add(
                                day,
                                keys,
                                ti + wait,
                                cid
                                        + "|"
                                        + q
                                        + "|"
                                        + agent
                                        + "|CONNECT|"
                                        + wait
                                        + "|"
                                        + (ti + wait)
                                        + "."
                                        + seq
                                        + "|3");
                        long talk = 10 + (long) (-Math.log(1 - rnd.nextDouble()) * 180);
                        add(
                                day,
                                keys,
                                ti + wait + talk,
                                cid
                                        + "|"
                                        + q
                                        + "|"
                                        + agent
                                        + "|COMPLETECALLER|"
                                        + wait
                                        + "|"
                                        + talk
                                        + "|1");
                    }
                }
                Integer[] order = new Integer[day.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(
                        order, (x, y) -> Long.compare(keys.get(x)[0], keys.get(y)[0]));
                for (int i : order) {
                    w.write(day.get(i));
                    w.write('\n');
                    if (++written >= lines) {
                        return;
                    }
                }
            }
        }
    }

    private static void add(List<String> day, List<long[]> keys, long ts, String rest) {
        day.add(ts + "|" + rest);
        keys.add(new long[] {ts});
    }
}
