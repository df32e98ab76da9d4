package fr.joignable.cli.run;

import fr.joignable.reporting.Messages;
import fr.joignable.reporting.MonthlyReport;
import fr.joignable.reporting.ReportOptions;
import fr.joignable.reporting.ReportTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The directors' monthly report ({@link MonthlyReport}), format from the extension of {@code out}:
 * what {@code joignable report} and the demo's report step run.
 *
 * @param month the Europe/Paris calendar month
 * @param data the data directory (interval tables and the planning files)
 * @param lang the report's language
 * @param costPerHour fully loaded cost of one paid agent-hour, in euros
 * @param out the report file ({@code .html}, {@code .pdf} or {@code .xlsx})
 * @param targets the centre's targets and thresholds ({@code joignable.yaml}) the figures are
 *     coloured against
 */
public record ReportRun(
        YearMonth month,
        Path data,
        Messages.Lang lang,
        double costPerHour,
        Path out,
        ReportTargets targets) {

    /** Euros per paid agent-hour unless told otherwise. */
    public static final String DEFAULT_COST_PER_HOUR = "30";

    /** The report in French at the default cost per hour, against {@code targets}. */
    public static ReportRun of(YearMonth month, Path data, Path out, ReportTargets targets) {
        return new ReportRun(
                month,
                data,
                Messages.Lang.FR,
                Double.parseDouble(DEFAULT_COST_PER_HOUR),
                out,
                targets);
    }

    /** Writes the report and says so on {@code o}. */
    public void run(PrintWriter o) throws Exception {
        MonthlyReport.write(data, month, lang, new ReportOptions(costPerHour, targets), out);
        o.println("Monthly report " + month + " written to " + out);
        o.flush();
    }
}
