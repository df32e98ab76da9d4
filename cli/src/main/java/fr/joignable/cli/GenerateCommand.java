package fr.joignable.cli;

import fr.joignable.cli.run.GenerateRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable generate}: realistic sample activity of a landlord's contact centre. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates realistic sample activity of a landlord's contact centre.",
            "Simulates the contact centre of a landlord with about 30,000 homes (24 agents, about"
                    + " 14,000 calls a month plus chats, emails, portal requests and letters) and"
                    + " writes its interaction events as JSON Lines, gzip when FILE ends with .gz.",
            ""
        })
public final class GenerateCommand implements Callable<Integer> {

    /** Ten years: a bound that keeps a mistyped value from running for hours. */
    static final int MAX_DAYS = 3660;

    @Spec CommandSpec spec;

    @Option(
            names = "--days",
            required = true,
            paramLabel = "N",
            description = "Number of days to simulate (at least 1).")
    int days;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "First day (Europe/Paris local date).")
    String start;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description =
                    "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Events file to write (.jsonl, or .jsonl.gz for gzip).")
    Path out;

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "Also write the matching agent roster CSV (agent_id,team,skills,fte).")
    Path roster;

    @Option(
            names = "--faults",
            description =
                    "Simulate delivery faults: 2%% of events out of order by up to 5 minutes,"
                            + " 0.5%% redelivered, 0.1%% followed by an invalid line.")
    boolean faults;

    @Option(
            names = "--schedule",
            paramLabel = "FILE",
            description =
                    "Agents work the shifts of this schedule (agent_id,date,start,end,breaks, as"
                            + " written by schedule) instead of shifts drawn at random; its agents"
                            + " must be the generated roster's (A001...).")
    Path schedule;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new UsageException("--days must be at least 1, was " + days);
        }
        if (days > MAX_DAYS) {
            throw new UsageException("--days must be at most " + MAX_DAYS + ", was " + days);
        }
        LocalDate first;
        try {
            first = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new UsageException("--start '" + start + "' is not a date YYYY-MM-DD");
        }
        if (first.getYear() < 1971 || first.plusDays(days).getYear() >= 2199) {
            throw new UsageException(
                    "--start and --days must keep the events between 1971 and 2198");
        }
        new GenerateRun(first, days, seed, faults, out, roster, schedule, quiet)
                .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return JoignableCli.EXIT_OK;
    }
}
