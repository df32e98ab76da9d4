package fr.joignable.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a run as {@code docs/benchmarks.md}. */
final class Markdown {

    private Markdown() {}

    static String render(
            BenchRunner.Outcome o,
            Instant started,
            String command,
            boolean quick,
            Map<String, String> sizes,
            List<String> benchmarks) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append(
                "Written by `./bench/run` (`fr.joignable.bench.BenchRunner`, module `bench/`)."
                        + " Every ratio below compares two things measured **in the same run**, on"
                        + " the same input, one after the other: on a noisy shared machine the"
                        + " ratios are more trustworthy than the absolute times.\n\n");
        b.append("- date: ").append(BenchRunner.now(started)).append('\n');
        b.append("- command: `").append(command).append('`');
        if (quick) {
            b.append(" (**quick smoke sizes: not representative**)");
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "- total run time: %.0f s%n", o.seconds()));
        b.append(
                String.format(
                        Locale.ROOT,
                        "- 1-minute load average at start / end: %.1f / %.1f (other work on the"
                                + " machine; compare ratios, not absolute times, across runs)%n",
                        o.loadBefore(),
                        o.loadAfter()));
        for (String m : BenchRunner.machine()) {
            b.append("- ").append(m).append('\n');
        }
        b.append("- benchmarks: ").append(String.join(", ", benchmarks)).append('\n');
        b.append("- sizes: ");
        boolean first = true;
        for (Map.Entry<String, String> e : sizes.entrySet()) {
            b.append(first ? "" : ", ").append('`').append(e.getKey()).append(' ');
            b.append(e.getValue()).append('`');
            first = false;
        }
        b.append("\n\n");

        b.append("## Ratios (same run)\n\n");
        b.append("| benchmark | ratio | what | note |\n|---|---:|---|---|\n");
        for (Row r : o.rows()) {
            if (r.isRatio()) {
                b.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %s × | %s | %s |%n",
                                r.benchmark(),
                                r.formattedValue(),
                                escape(r.what()),
                                escape(r.note())));
            }
        }
        b.append("\n## Figures\n\n");
        b.append("| benchmark | value | unit | what | note |\n|---|---:|---|---|---|\n");
        for (Row r : o.rows()) {
            if (!r.isRatio()) {
                b.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %s | %s | %s | %s |%n",
                                r.benchmark(),
                                r.formattedValue(),
                                r.unit(),
                                escape(r.what()),
                                escape(r.note())));
            }
        }
        if (!o.failures().isEmpty()) {
            b.append("\n## Failed\n\n");
            for (Map.Entry<String, String> e : o.failures().entrySet()) {
                b.append("- `")
                        .append(e.getKey())
                        .append("`: ")
                        .append(escape(e.getValue()))
                        .append('\n');
            }
        }
        b.append(ABOUT);
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static final String ABOUT =
            """

            ## What each benchmark measures

            - `codec` (JMH, `fr.joignable.bench.jmh.CodecBench`): `EventCodec` decoding a valid
              `CONTACT_OFFERED` line, decoding the same line with an unknown channel (rejected),
              and encoding the event; average time per operation, one thread.
            - `erlang` (JMH, `fr.joignable.bench.jmh.ErlangBench`): required agents for 80/20 and
              occupancy ≤ 0.85 (AHT 240 s; Erlang A patience 120 s) by `RequiredAgents.solve`
              (square-root start + local search) against `RequiredAgents.solveByScan` (naive scan
              from ⌈A⌉, from 1 for Erlang A, fresh recursion each N), at A ≈ 10 and A ≈ 1000.
            - `staffing` (`StaffingRun`): a year of 15-minute intervals × Q queues of Erlang C
              solves (A 0.5–60 on a daily profile), square-root start against the naive scan, then
              a few large centres (A 500–5,000) where the scan has far to go.
            - `simulate` (`SimulateRun`): `joignable simulate` of a month's staffing plan
              (the demo centre's shape: 6 queues, phone and chat replayed, 24 agents) × 10 seeds,
              through the command; ratio = time / the 60 s aim of issue 14.
            - `plan` (`PlanRun`): the whole `joignable staff --roster --pools` of that month with
              its simulation check (10 seeds); ratio = time / the 60 s aim of issue 14.
            - `forecast` (`ForecastRun`): S synthetic double-seasonal series of two years; the
              best pick (`auto`: 4-origin backtest of 3 candidates + final fit), 28-day horizon,
              against the seasonal naive alone; seconds per series after one warm-up pass.
            - `report` (`ReportRun`): the October monthly report (HTML, PDF, XLSX) over a year of
              interval tables generated by DuckDB, against a plain DuckDB scan
              (`count, sum(offered), sum(answered), sum(answered_in_sl)`) of all
              `contact_intervals` files; median of R runs, each with a fresh DuckDB connection.
            - `convert` (`ConvertRun`): `joignable convert --from asterisk-queue-log` of a
              synthetic, time-sorted queue_log of one centre (3 queues, 18 agents, a call every
              3 s, 9 hours a day; about 2 M lines for a year) into `.jsonl.gz`, in this JVM; wall
              time of the conversion alone (the log is generated once, outside the timing).
            - `kpi` (`KpiRun`): the Flink KPI job's bounded run (`joignable kpi`: batch mode,
              Parquet tables) over a year of simulator output (default landlord, seed 1), against
              a pass-through Flink job over the same file (same reader and decoding, same
              MiniCluster configuration, `FileKpiRun.localConfiguration`; discarding sink); then the
              KPI run over one month (and optionally five years) to show the throughput does not
              drop with the length of the input. Each run is a fresh JVM (`KpiJobChild`) with the
              flags `./joignable kpi` gives that input (`cli/kpi-jvm-options`) and, like the
              launcher, a class-data archive written by a first, unmeasured run; its peak heap
              (sampled every 50 ms) and peak RSS (`VmHWM`) are its own; times run from before the
              Flink environment is created to the end of the job (JVM start excluded, Flink's start
              included).
            - `kafka` (`KafkaRun`): the same year produced into an embedded Kafka broker (2
              partitions, keyed like the job's tests), then three bounded runs from it, each in a
              fresh JVM: the KPI workflow (upserts and live view included) into discarding sinks
              without checkpointing; the same with exactly-once checkpoints every second (ratio =
              the cost of checkpointing the state); the real `joignable stream` run
              (`KafkaKpiRun`: Parquet files and Kafka transactions committed on checkpoints every
              second; ratio = the whole cost of the exactly-once outputs). A bounded run with
              checkpointing ends at the first checkpoint after its input, hence 1 s, not the
              production 10 s.
            - `latency` (`LatencyRun`): at real pace (events stamped with the wall clock) with
              the production defaults (5 min of out-of-orderness, 10 s checkpoints), for 5 minutes
              after 60 s of load (steady state): the real unbounded `joignable stream` job in its own JVM
              on an embedded broker, the wallboard and a Server-Sent-Events client in this JVM, a
              background load (10 agents, a contact every 2 s) and probes at random phases (gaps
              uniform in 0.5-1.5 s): a phone contact offered to queue `BENCH_PROBE`, timed from
              just before its send until the page's event stream (event → page) and, separately,
              the live topic (event → snapshot topic) count it. The live view follows arrivals,
              not the watermark, and pushes a change within 50 ms. A shorter run at
              out-of-orderness 0 is kept for comparison. Per-probe figures:
              `bench/target/bench-tmp/joignable-bench/latency-probes-*.csv`.

            ## Running

            ```
            ./bench/run                      # default sizes (under 15 minutes on 2 cores)
            ./bench/run --quick --no-write   # smoke run, a few seconds
            ./bench/run --only staffing,report --staffing-queues 10
            ./bench/run --help               # every size and its default
            ```

            `./bench/run` builds the `bench` module with Maven when sources changed, then starts
            `BenchRunner` from `bench/target/classes` with the `--add-opens` flags Flink needs. The
            JMH benchmarks can also be run by JMH's own command line:
            `java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main`.
            The smoke test `BenchRunnerSmokeTest` runs `--quick` in the normal test suite.
            """;
}
