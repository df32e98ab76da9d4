package fr.joignable.forecasting.training;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agents a staffing plan ({@code joignable staff}) asks for: per interval and queue, the sum of
 * {@code scheduled_agents} over the queue's channels (the channels of one queue are worked by the
 * same trained agents, so their needs add up). Queues are sorted by name, intervals by time.
 *
 * @param demand {@code demand[i][q]}: scheduled agents of queue {@code q} in interval {@code i}
 */
public record StaffingPlan(
        Path source, List<String> queues, List<Instant> intervals, double[][] demand) {

    /**
     * The columns read; the file's header must start with them (the columns {@code joignable staff}
     * writes after them, {@code service_level,occupancy,asa_s,...}, are not used).
     */
    public static final List<String> HEADER =
            List.of(
                    "interval_start",
                    "queue",
                    "channel",
                    "offered",
                    "aht_s",
                    "agents",
                    "scheduled_agents");

    /** Columns that must hold a number, or be empty (undefined). */
    private static final int[] OPTIONAL_NUMBERS = {3, 4, 5};

    private static final int SCHEDULED = 6;

    public static StaffingPlan read(Path file) {
        List<CsvLines.Row> rows = CsvLines.read(file, HEADER, true);
        TreeSet<String> queueSet = new TreeSet<>();
        TreeMap<Instant, Map<String, Double>> byInterval = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvLines.Row row : rows) {
            List<String> f = row.fields();
            String where = file + " line " + row.line() + ": ";
            Instant start;
            try {
                start = Instant.parse(f.get(0));
            } catch (DateTimeParseException e) {
                throw new InputException(
                        where + "interval_start '" + f.get(0) + "' is not an ISO-8601 UTC instant");
            }
            String queue = f.get(1);
            if (!QueueNames.isValid(queue)) {
                throw new InputException(where + "malformed queue name '" + queue + "'");
            }
            String channel = f.get(2);
            try {
                Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(where + "unknown channel '" + channel + "'");
            }
            for (int col : OPTIONAL_NUMBERS) {
                if (!f.get(col).isEmpty() && CsvLines.decimal(f.get(col)) == null) {
                    throw new InputException(
                            where + HEADER.get(col) + " '" + f.get(col) + "' is not a number");
                }
            }
            Double scheduled = CsvLines.decimal(f.get(SCHEDULED));
            if (scheduled == null) {
                throw new InputException(
                        where + "scheduled_agents '" + f.get(SCHEDULED) + "' is not a number");
            }
            if (scheduled < 0) {
                throw new InputException(
                        where + "scheduled_agents " + f.get(SCHEDULED) + " is negative");
            }
            String key = start + "|" + queue + "|" + channel.toUpperCase(Locale.ROOT);
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                throw new InputException(
                        where
                                + "duplicate row for "
                                + f.get(0)
                                + " "
                                + queue
                                + " "
                                + channel
                                + " (first on line "
                                + previous
                                + ")");
            }
            queueSet.add(queue);
            byInterval
                    .computeIfAbsent(start, k -> new HashMap<>())
                    .merge(queue, scheduled, Double::sum);
        }
        if (byInterval.isEmpty()) {
            throw new InputException(file + ": no staffing rows");
        }
        List<String> queues = new ArrayList<>(queueSet);
        List<Instant> intervals = new ArrayList<>(byInterval.keySet());
        double[][] demand = new double[intervals.size()][queues.size()];
        int i = 0;
        for (Map<String, Double> perQueue : byInterval.values()) {
            for (int q = 0; q < queues.size(); q++) {
                demand[i][q] = perQueue.getOrDefault(queues.get(q), 0.0);
            }
            i++;
        }
        return new StaffingPlan(file, List.copyOf(queues), List.copyOf(intervals), demand);
    }
}
