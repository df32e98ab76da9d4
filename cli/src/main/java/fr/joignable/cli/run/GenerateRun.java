package fr.joignable.cli.run;

import fr.joignable.cli.ConsoleProgress;
import fr.joignable.domain.event.Channel;
import fr.joignable.sim.SampleData;
import fr.joignable.sim.SimulationSummary;
import fr.joignable.sim.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Generated sample activity ({@link SampleData}) and its printed summary: what {@code joignable
 * generate} and the demo's generation steps run.
 *
 * @param first the first day (Europe/Paris)
 * @param days days to simulate
 * @param seed the simulator's seed
 * @param faults whether to simulate delivery faults ({@link SimulatorOptions.Faults#DEFAULT_ON})
 * @param out the events file
 * @param roster the roster file to write too, or {@code null}
 * @param schedule a schedule the agents work, or {@code null} for shifts drawn at random
 * @param quiet no progress bar
 */
public record GenerateRun(
        LocalDate first,
        int days,
        long seed,
        boolean faults,
        Path out,
        Path roster,
        Path schedule,
        boolean quiet) {

    /** Generates, writes the files and prints the summary to {@code o}; progress on {@code err}. */
    public void run(PrintWriter o, PrintWriter err) throws IOException {
        SimulatorOptions options = SimulatorOptions.defaults().withSeed(seed);
        if (faults) {
            options = options.withFaults(SimulatorOptions.Faults.DEFAULT_ON);
        }
        ConsoleProgress progress = new ConsoleProgress(err, "generate: days", quiet);
        long started = System.nanoTime();
        SampleData.Result result =
                SampleData.generate(options, first, days, out, roster, schedule, progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        SimulationSummary s = result.summary();
        o.printf(
                Locale.ROOT,
                "Wrote %d events (%d days from %s, seed %d) to %s in %.1f s%n",
                result.lines(),
                days,
                first,
                seed,
                out,
                seconds);
        StringBuilder channels = new StringBuilder();
        for (Channel c : Channel.values()) {
            if (channels.length() > 0) {
                channels.append(", ");
            }
            channels.append(c.name()).append(' ').append(s.offeredByChannel().getOrDefault(c, 0L));
        }
        o.printf(Locale.ROOT, "Contacts: %d (%s)%n", s.offered(), channels);
        o.printf(
                Locale.ROOT,
                "Agents: %d; abandoned %d (+%d short); handoffs %d; repeats %d; duplicates %d of %d"
                        + " identified (%d after an abandon)%n",
                s.agents(),
                s.abandoned(),
                s.shortAbandoned(),
                s.handoffsCreated(),
                s.repeats(),
                s.duplicates(),
                s.identified(),
                s.duplicatesAfterAbandon());
        o.printf(
                Locale.ROOT,
                "Turned away by the switchboard: %d (%d calls while closed, %d queue full or"
                        + " wait limit)%n",
                s.diverted(),
                s.closedCalls(),
                s.diverted() - s.closedCalls());
        if (faults) {
            o.printf(
                    Locale.ROOT,
                    "Faults: %d out of order, %d redelivered, %d invalid lines%n",
                    result.delayed(),
                    result.redelivered(),
                    result.invalid());
        }
        if (roster != null) {
            o.printf(Locale.ROOT, "Roster: %s%n", roster);
        }
        o.flush();
    }
}
