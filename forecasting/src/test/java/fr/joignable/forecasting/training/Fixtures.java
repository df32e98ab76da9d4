package fr.joignable.forecasting.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small rosters and plans built in memory. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-10-05T06:00:00Z");

    private Fixtures() {}

    static Agent agent(String id, String team, double fte, String... skills) {
        return new Agent(id, team, Arrays.asList(skills), fte, 0);
    }

    static Roster roster(Agent... agents) {
        return new Roster(Path.of("roster.csv"), List.of(agents));
    }

    /** One row per interval, one column per queue (15-minute intervals from {@link #T0}). */
    static QueueDemand plan(List<String> queues, double[]... demand) {
        List<Instant> intervals = new ArrayList<>();
        for (int i = 0; i < demand.length; i++) {
            intervals.add(T0.plusSeconds(900L * i));
        }
        return new QueueDemand(Path.of("staffing.csv"), queues, intervals, demand);
    }

    static double[] d(double... agents) {
        return agents;
    }
}
