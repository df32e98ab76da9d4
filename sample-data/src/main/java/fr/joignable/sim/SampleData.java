package fr.joignable.sim;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes simulated activity to files: JSON Lines (gzip when the name ends with {@code .gz}),
 * streamed day by day and published atomically, and the matching roster CSV.
 */
public final class SampleData {

    private SampleData() {}

    /** Gzip at the fastest level: generated files are large and written once. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** The outcome of {@link #generate}: the simulation summary and what was written. */
    public record Result(
            SimulationSummary summary, long lines, long delayed, long redelivered, long invalid) {}

    /**
     * Simulates {@code days} days from {@code start} and writes the events to {@code events};
     * writes the roster to {@code roster} when it is not null.
     */
    public static Result generate(
            SimulatorOptions options,
            LocalDate start,
            int days,
            Path events,
            Path roster,
            Progress progress)
            throws IOException {
        return generate(options, start, days, events, roster, null, progress);
    }

    /**
     * As {@link #generate(SimulatorOptions, LocalDate, int, Path, Path, Progress)}, the agents
     * working the shifts of the schedule file {@code schedule} (null: shifts drawn at random).
     */
    public static Result generate(
            SimulatorOptions options,
            LocalDate start,
            int days,
            Path events,
            Path roster,
            Path schedule,
            Progress progress)
            throws IOException {
        ShiftSchedule shifts = null;
        if (schedule != null) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (AgentProfile p : SimulatedRoster.of(options).agents()) {
                ids.add(p.agentId());
            }
            shifts = ShiftSchedule.read(schedule, ids);
        }
        ContactCentreSimulator simulator = new ContactCentreSimulator(options, shifts);
        Result[] result = new Result[1];
        boolean gzip = events.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFiles.write(
                events,
                raw -> {
                    GZIPOutputStream gz = gzip ? new FastGzip(raw) : null;
                    OutputStream sink = gzip ? gz : raw;
                    Writer w =
                            new BufferedWriter(
                                    new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
                    DeliveryFaults faults =
                            new DeliveryFaults(
                                    options.faults(),
                                    options.seed(),
                                    line -> {
                                        try {
                                            w.write(line);
                                            w.write('\n');
                                        } catch (IOException e) {
                                            throw new UncheckedIOException(e);
                                        }
                                    });
                    SimulationSummary summary;
                    try {
                        summary = simulator.run(start, days, faults, progress);
                        faults.finish();
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    w.flush();
                    if (gz != null) {
                        gz.finish();
                    }
                    result[0] =
                            new Result(
                                    summary,
                                    faults.linesWritten(),
                                    faults.delayed(),
                                    faults.redelivered(),
                                    faults.invalid());
                });
        if (roster != null) {
            AtomicFiles.writeText(roster, simulator.roster()::writeCsv);
        }
        return result[0];
    }
}
