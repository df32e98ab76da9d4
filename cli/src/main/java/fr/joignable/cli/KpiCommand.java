package fr.joignable.cli;

import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.jobs.FileKpiRun;
import fr.joignable.jobs.KpiJobOptions;
import fr.joignable.jobs.RunSummary;
import fr.joignable.jobs.options.DurationConverter;
import fr.joignable.jobs.options.LatenessOptions;
import fr.joignable.jobs.options.PseudonymizeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable kpi}: the streaming KPI job over bounded event files. */
@Command(
        name = "kpi",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming KPI job over bounded event files (JSON Lines, .gz too) and writes"
                    + " the interval tables (Parquet, optionally CSV), rejected.jsonl and"
                    + " late.jsonl. The files are complete data: the order of their lines and"
                    + " of the files never changes the result."
        })
public final class KpiCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin PseudonymizeOptions privacy;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Option(
            names = "--events",
            arity = "1..*",
            required = true,
            paramLabel = "FILE",
            description = "Event files, in any number and order.")
    List<Path> events;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(
            names = "--csv",
            description = "Also write contact_intervals.csv and agent_intervals.csv.")
    boolean csv;

    @Option(
            names = "--judge-lateness",
            description =
                    "Judge lateness per file in line order, as a live run does per Kafka"
                            + " partition (to reproduce a live run's tables). Without it a file"
                            + " is complete data: nothing is late and the order of lines and"
                            + " files never changes the result.")
    boolean judgeLateness;

    @picocli.CommandLine.Mixin LatenessOptions lateness;

    @Option(
            names = "--duplicate-window",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description =
                    "Window of the duplicate-contact KPI (default: the configuration's"
                            + " duplicate_window, else "
                            + ChannelThresholds.DEFAULT_DUPLICATE_WINDOW_TEXT
                            + ").")
    Duration duplicateWindow;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Flink parallelism (default: 2; 1 for event files under 4 MiB in all).")
    Integer parallelism;

    @Option(
            names = "--from",
            paramLabel = "FORMAT",
            converter = InputsSupport.FormatConverter.class,
            description =
                    "The --events files are exports in this format (asterisk-queue-log,"
                            + " queue-log-csv, calls-csv), converted first as 'convert' does.")
    fr.joignable.inputs.InputFormat from;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description =
                    "With --from: the mapping YAML (docs/inputs.md). Without it, the mapping: section of joignable.yaml, else the"
                            + " documented defaults.")
    Path mapping;

    @Override
    public Integer call() throws Exception {
        Configuration conf = new Configuration();
        configFile.applyTo(conf);
        privacy.applyCheckedHere(conf);
        conf.set(KpiJobOptions.FILES_JUDGE_LATENESS, judgeLateness);
        if (!judgeLateness && lateness.given()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "kpi: note: --out-of-orderness and --allowed-lateness apply with"
                                    + " --judge-lateness only; without it nothing in a file is"
                                    + " late");
        }
        lateness.applyTo(conf);
        if (duplicateWindow != null) {
            if (duplicateWindow.isZero()) {
                throw new UsageException("--duplicate-window must be positive");
            }
            conf.set(KpiJobOptions.DUPLICATE_WINDOW, duplicateWindow);
        }
        if (parallelism != null) {
            if (parallelism < 1 || parallelism > 64) {
                throw new UsageException("--parallelism must be 1 to 64, was " + parallelism);
            }
            conf.set(KpiJobOptions.PARALLELISM, parallelism);
        }
        RunSummary summary;
        try {
            List<Path> inputs =
                    KpiFromExports.prepare(
                            from, mapping, configFile, events, out, spec.commandLine().getOut());
            summary = FileKpiRun.run(inputs, out, csv, conf);
        } finally {
            KpiFromExports.cleanup(from, out);
        }
        spec.commandLine().getOut().print(summary.format());
        spec.commandLine().getOut().flush();
        return JoignableCli.EXIT_OK;
    }
}
