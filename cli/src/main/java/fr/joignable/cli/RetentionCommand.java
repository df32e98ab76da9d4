package fr.joignable.cli;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.Retention;
import fr.joignable.domain.time.Intervals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable retention}: deletes interval partitions and raw archives past retention. */
@Command(
        name = "retention",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes what is older than the retention period (RGPD): day partitions of the"
                    + " interval tables in --data, and raw event files in --archives.",
            "Keeps the current month (Europe/Paris) and the --keep-months before it."
        })
public final class RetentionCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", description = "Data directory written by 'kpi' or 'stream'.")
    Path data;

    @Option(names = "--archives", description = "Directory of raw event files (JSONL archives).")
    Path archives;

    @Option(
            names = "--keep-months",
            required = true,
            description = "Whole months kept before the current one (>= 0).")
    int keepMonths;

    @Option(names = "--today", description = "Reference date (default: today in Paris).")
    LocalDate today;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        if (keepMonths < 0) {
            throw new UsageException("--keep-months must be 0 or more, was " + keepMonths);
        }
        if (data == null && archives == null) {
            throw new UsageException("give --data, --archives or both");
        }
        LocalDate reference = today != null ? today : LocalDate.now(Intervals.PARIS);
        LocalDate cutoff = Retention.cutoff(reference, keepMonths);
        List<Path> expired = new ArrayList<>();
        if (data != null) {
            requireDirectory(data, "--data");
            expired.addAll(Retention.expiredPartitions(data, cutoff, Intervals.PARIS));
        }
        if (archives != null) {
            requireDirectory(archives, "--archives");
            expired.addAll(Retention.expiredArchives(archives, cutoff, Intervals.PARIS));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : expired) {
            if (!dryRun) {
                Retention.deleteTree(p);
            }
            out.println((dryRun ? "would delete " : "deleted ") + p);
        }
        out.printf(
                "%s %d item(s) older than %s%n",
                dryRun ? "would delete" : "deleted", expired.size(), cutoff);
        return JoignableCli.EXIT_OK;
    }

    private static void requireDirectory(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(option + " " + dir + " is not a directory");
        }
    }
}
