package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.StaffingTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
public record QueueDemand(
        Path source, List<String> queues, List<Instant> intervals, double[][] demand) {

    /** The columns read; the file's header must start with them. */
    public static final List<String> HEADER = StaffingTable.REQUIRED;

    /**
     * Reads a staffing plan through the table's one reader ({@link StaffingTable#read}), then
     * checks that every queue name is well-formed.
     */
    public static QueueDemand read(Path file) {
        TreeSet<String> queueSet = new TreeSet<>();
        TreeMap<Instant, Map<String, Double>> byInterval = new TreeMap<>();
        for (StaffingTable.Row row : StaffingTable.read(file)) {
            String queue = row.queue();
            if (!QueueNames.isValid(queue)) {
                throw new InputException(
                        file + " line " + row.line() + ": malformed queue name '" + queue + "'");
            }
            queueSet.add(queue);
            byInterval
                    .computeIfAbsent(row.intervalStart(), k -> new HashMap<>())
                    .merge(queue, row.scheduledAgents(), Double::sum);
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
        return new QueueDemand(file, List.copyOf(queues), List.copyOf(intervals), demand);
    }
}
