package fr.joignable.cli;

import fr.joignable.cli.run.ReportRun;
import fr.joignable.reporting.Messages;
import fr.joignable.reporting.MonthlyReport;
import fr.joignable.reporting.ReportTargets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable report}: the directors' monthly report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "The directors' monthly report over the interval tables of a data directory,"
                    + " format from the extension of --out: .html (self-contained), .pdf, .xlsx.",
            "Months are Europe/Paris calendar months; see docs/report.md for every query."
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--month",
            required = true,
            paramLabel = "YYYY-MM",
            converter = YearMonthConverter.class,
            description = "The month (Europe/Paris calendar month).")
    YearMonth month;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "Directory of the tables (contact_intervals/... and optional CSV files).")
    Path data;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Output file: .html, .pdf or .xlsx.")
    Path out;

    @Option(
            names = "--lang",
            defaultValue = "fr",
            paramLabel = "fr|en",
            description = "Language of the report (default: ${DEFAULT-VALUE}).")
    Messages.Lang lang;

    @Option(
            names = "--cost-per-hour",
            defaultValue = ReportRun.DEFAULT_COST_PER_HOUR,
            paramLabel = "EUR",
            description = {
                "Fully loaded cost of one paid agent-hour in euros, for the budget figures"
                        + " (default: ${DEFAULT-VALUE}: salary and contributions of about 20 €/h"
                        + " plus supervision, tools and premises)."
            })
    double costPerHour;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Override
    public Integer call() throws Exception {
        if (MonthlyReport.Format.of(out) == null) {
            throw new UsageException(
                    "--out must end with .html, .pdf or .xlsx, not '" + out.getFileName() + "'");
        }
        if (!(costPerHour >= 0) || Double.isInfinite(costPerHour)) {
            throw new UsageException(
                    "--cost-per-hour must be a number >= 0, not '" + costPerHour + "'");
        }
        new ReportRun(month, data, lang, costPerHour, out, ReportTargets.from(configFile.load()))
                .run(spec.commandLine().getOut());
        return JoignableCli.EXIT_OK;
    }
}
