package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.sim.PlanSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Replays a forecast's live workload through {@link PlanSimulator} with given agents, for several
 * seeds (common random numbers: seeds {@code 1…N} for every plan), and reports per (interval,
 * queue, channel) what they achieve, pooled over the seeds: service level = answered within the
 * threshold / offered, abandon rate = abandoned / offered, {@code asa_s} = mean wait of the
 * answered ({@code kpis.md}; the simulator has no short abandons and no closed contacts), occupancy
 * = busy / present time of the agents trained in the queue. When the targets give {@code
 * opening_hours}, live contacts forecast outside them are not replayed: the switchboard turns them
 * away ({@code CLOSED}).
 */
public final class Replay {

    /** One result row; NaN when undefined. */
    public record Row(
            Instant intervalStart,
            String queue,
            Channel channel,
            double offered,
            double serviceLevel,
            double abandonRate,
            double asaSeconds,
            double occupancy,
            double serviceLevelSpread,
            double agentsPresent,
            double targetPercent) {}

    /** The live streams of a forecast, on its interval grid. */
    public static final class Workload {
        final Instant first;
        final int size;
        final List<PlanSimulator.Stream> streams = new ArrayList<>();
        final List<String> queues = new ArrayList<>();
        final List<Channel> channels = new ArrayList<>();
        final List<ChannelTargets> targets = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        /** Whether the forecast has a row for (stream, interval). */
        final List<boolean[]> rowAt = new ArrayList<>();

        public Workload(List<ForecastRow> forecast, TargetsConfig config) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (ForecastRow r : forecast) {
                min = Math.min(min, r.intervalStart().toEpochMilli());
                max = Math.max(max, r.intervalStart().toEpochMilli());
            }
            first = Instant.ofEpochMilli(min);
            size = (int) ((max - min) / Intervals.INTERVAL_MILLIS) + 1;
            Map<String, double[][]> series = new LinkedHashMap<>();
            for (ForecastRow r : forecast) {
                if (!r.channel().isLive()) {
                    continue;
                }
                String key = r.queue() + "\u0000" + r.channel();
                double[][] s = series.get(key);
                if (s == null) {
                    s = new double[3][size];
                    series.put(key, s);
                    index.put(key, queues.size());
                    queues.add(r.queue());
                    channels.add(r.channel());
                    targets.add(config.of(r.queue(), r.channel()));
                }
                int u = indexOf(r.intervalStart());
                // contacts offered while closed are turned away by the switchboard (kpis.md:
                // closed, out of the service-level denominators): nothing to replay
                boolean turnedAway =
                        config.closesLiveContacts()
                                && !config.openingHours().isOpen(r.intervalStart());
                s[0][u] = turnedAway ? 0 : r.offered();
                s[1][u] = Double.isNaN(r.ahtSeconds()) ? 0 : r.ahtSeconds();
                s[2][u] = 1;
            }
            int i = 0;
            for (double[][] s : series.values()) {
                ChannelTargets t = targets.get(i);
                boolean chat = channels.get(i) == Channel.CHAT;
                streams.add(
                        new PlanSimulator.Stream(
                                queues.get(i),
                                chat,
                                s[0],
                                s[1],
                                t.patienceSeconds(),
                                t.thresholdSeconds(),
                                chat ? t.concurrency() : 1,
                                t.concurrencyGrowth()));
                boolean[] at = new boolean[size];
                for (int u = 0; u < size; u++) {
                    at[u] = s[2][u] > 0;
                }
                rowAt.add(at);
                i++;
            }
        }

        public int indexOf(Instant t) {
            return (int) ((t.toEpochMilli() - first.toEpochMilli()) / Intervals.INTERVAL_MILLIS);
        }

        public Instant instant(int u) {
            return first.plusMillis(u * Intervals.INTERVAL_MILLIS);
        }

        public int size() {
            return size;
        }

        public Instant first() {
            return first;
        }

        public List<String> queues() {
            return queues;
        }

        public List<Channel> channels() {
            return channels;
        }

        public List<ChannelTargets> targets() {
            return targets;
        }

        /** Expected live arrivals of stream {@code s} in interval {@code u}. */
        public double offered(int s, int u) {
            return streams.get(s).offered()[u];
        }
    }

    private Replay() {}

    /** Runs {@code seeds} seeds (1…N), in parallel. */
    public static List<PlanSimulator.Result> runs(
            Workload w, List<PlanSimulator.Agent> agents, int seeds) {
        return runs(w, agents, 1, seeds);
    }

    /**
     * Runs the seeds {@code first … first + count − 1}, in parallel: a check on seeds that a tuning
     * loop did not see ({@code schedule --verify} tunes on seeds of its own).
     */
    public static List<PlanSimulator.Result> runs(
            Workload w, List<PlanSimulator.Agent> agents, int first, int count) {
        PlanSimulator sim = new PlanSimulator(w.streams, agents);
        return IntStream.range(first, first + count).parallel().mapToObj(sim::run).toList();
    }

    /** The rows of the forecast's live (interval, queue, channel), pooled over the runs. */
    public static List<Row> rows(
            Workload w, List<PlanSimulator.Agent> agents, List<PlanSimulator.Result> runs) {
        PlanSimulator.Result total = PlanSimulator.sum(runs);
        int seeds = runs.size();
        List<Row> out = new ArrayList<>();
        int[][] trained = new int[w.streams.size()][];
        for (int s = 0; s < w.streams.size(); s++) {
            String q = w.queues.get(s);
            trained[s] =
                    IntStream.range(0, agents.size())
                            .filter(a -> agents.get(a).skills().contains(q))
                            .toArray();
        }
        for (int u = 0; u < w.size; u++) {
            for (int s = 0; s < w.streams.size(); s++) {
                if (!w.rowAt.get(s)[u]) {
                    continue;
                }
                long offered = total.offered()[s][u];
                double present = 0;
                double busy = 0;
                for (int a : trained[s]) {
                    present += total.presentSeconds()[a][u];
                    busy += total.busySeconds()[a][u];
                }
                double sd = spread(runs, s, u);
                out.add(
                        new Row(
                                w.instant(u),
                                w.queues.get(s),
                                w.channels.get(s),
                                (double) offered / seeds,
                                offered == 0
                                        ? Double.NaN
                                        : (double) total.withinThreshold()[s][u] / offered,
                                offered == 0
                                        ? Double.NaN
                                        : (double) total.abandoned()[s][u] / offered,
                                total.answered()[s][u] == 0
                                        ? Double.NaN
                                        : total.answeredWaitSeconds()[s][u]
                                                / total.answered()[s][u],
                                present == 0 ? Double.NaN : busy / present,
                                sd,
                                present / PlanSimulator.INTERVAL / seeds,
                                w.targets.get(s).serviceLevelPercent()));
            }
        }
        return out;
    }

    /** Standard deviation over the seeds of the interval's service level (NaN below 2 seeds). */
    private static double spread(List<PlanSimulator.Result> runs, int s, int u) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (PlanSimulator.Result r : runs) {
            long o = r.offered()[s][u];
            if (o == 0) {
                continue;
            }
            double sl = (double) r.withinThreshold()[s][u] / o;
            sum += sl;
            sq += sl * sl;
            n++;
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
    }
}
