package fr.joignable.bench;

import fr.joignable.domain.io.Progress;
import fr.joignable.sim.SampleData;
import fr.joignable.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Simulator output for the KPI-job benchmarks: {@code days} days from 2025-01-01 of the default
 * landlord (about 30,000 homes, seed 1, no delivery faults), plain JSON Lines, cached in the work
 * folder with its line count.
 */
final class SimEvents {

    record Events(Path file, long lines, double generateSeconds) {}

    static final LocalDate START = LocalDate.of(2025, 1, 1);

    private SimEvents() {}

    static Events of(Path work, int days) throws IOException {
        Path file = work.resolve("sim-" + days + "d.jsonl");
        Path count = work.resolve("sim-" + days + "d.count");
        if (Files.isRegularFile(file) && Files.isRegularFile(count)) {
            return new Events(file, Long.parseLong(Files.readString(count).trim()), 0);
        }
        long t0 = System.nanoTime();
        SampleData.Result r =
                SampleData.generate(
                        SimulatorOptions.defaults(), START, days, file, null, Progress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        Files.writeString(count, Long.toString(r.lines()));
        return new Events(file, r.lines(), s);
    }

    public static void main(String[] args) throws IOException {
        Events e = of(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.printf(
                "%s: %,d lines, generated in %.1f s%n", e.file(), e.lines(), e.generateSeconds());
    }
}
