package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.domain.time.Intervals;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a forecast ({@code interval_start,queue,channel,offered,aht_s}, 15-minute intervals) into a
 * staffing plan ({@code interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,
 * service_level,occupancy,asa_s}).
 *
 * <p><b>Live channels</b> (PHONE, CHAT): per row, {@code A = offered · aht / 900 s} and the fewest
 * agents meeting the queue's targets ({@link RequiredAgents}) with Erlang C, or Erlang A where a
 * patience is configured; service level for the configured threshold, occupancy and mean wait over
 * all contacts as the model predicts them.
 *
 * <p><b>Deferred channels</b> (EMAIL, LETTER, PORTAL), by workload: the work of row {@code t},
 * {@code offered · aht} seconds, is received at {@code t} if the back office is open then, else at
 * the next open interval {@code s}; it must be done within the response target {@code R} of receipt
 * and is spread evenly over the open intervals of {@code [s, s + R)}. An interval's agents are
 * {@code ⌈workload falling on it / (900 s · max occupancy)⌉}. Every piece of work is therefore done
 * within its target: {@code service_level} is 1; {@code occupancy} is the interval's workload over
 * its agents' time; {@code asa_s} is the mean response time of the work arriving in the row, from
 * the middle of the arrival interval to the middle of the interval that does it. Work arriving
 * before the first forecast row is unknown and not planned for.
 *
 * <p>A row with nothing offered (and, for deferred channels, no work falling on it) gets 0 agents
 * and empty {@code service_level}/{@code occupancy}/{@code asa_s} (undefined, as in {@code
 * kpis.md}).
 */
public final class StaffingPlan {

    public static final String FORECAST_HEADER = "interval_start,queue,channel,offered,aht_s";

    public static final String STAFFING_HEADER =
            "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,occupancy,asa_s";

    /** Slack removed before rounding workload agents up (floating noise must not cost one). */
    static final double ROUNDING_EPSILON = 1e-9;

    private static final double INTERVAL = Intervals.INTERVAL_SECONDS;

    /** How far ahead to look for the next open interval before declaring the centre never open. */
    private static final int MAX_CLOSED_INTERVALS = 4 * 24 * 31;

    /** One forecast row. */
    public record ForecastRow(
            Instant intervalStart,
            String queue,
            Channel channel,
            double offered,
            double ahtSeconds) {}

    /**
     * One staffing row; NaN for an undefined value. Live rows carry whole agents (Erlang); deferred
     * rows carry the full-time equivalent of their workload, a decimal, because backlog work is
     * done between calls by agents counted elsewhere and rounding each small row up to a whole
     * agent would multiply the plan.
     */
    public record StaffingRow(
            ForecastRow forecast,
            double agents,
            double scheduledAgents,
            double serviceLevel,
            double occupancy,
            double asaSeconds) {}

    private final TargetsConfig config;

    public StaffingPlan(TargetsConfig config) {
        this.config = config;
    }

    /** Reads and validates a forecast file. */
    public static List<ForecastRow> readForecast(Path file) {
        List<ForecastRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InputException(file + ": empty file, expected header " + FORECAST_HEADER);
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.strip().equals(FORECAST_HEADER)) {
                throw new InputException(
                        file
                                + " line 1: header must be "
                                + FORECAST_HEADER
                                + ", got '"
                                + header.strip()
                                + "'");
            }
            String line;
            int number = 1;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ForecastRow row = parse(file, number, line);
                if (!seen.add(
                        row.intervalStart() + "\u0000" + row.queue() + "\u0000" + row.channel())) {
                    throw new InputException(
                            file
                                    + " line "
                                    + number
                                    + ": a second row for "
                                    + row.intervalStart()
                                    + ", queue "
                                    + row.queue()
                                    + ", "
                                    + row.channel());
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no forecast rows");
        }
        return rows;
    }

    private static ForecastRow parse(Path file, int number, String line) {
        String[] f = line.split(",", -1);
        String at = file + " line " + number;
        if (f.length != 5) {
            throw new InputException(
                    at + ": expected 5 fields (" + FORECAST_HEADER + "), got " + f.length);
        }
        Instant start;
        try {
            start = Instant.parse(f[0].strip());
        } catch (DateTimeParseException e) {
            throw new InputException(
                    at + ": field interval_start: '" + f[0] + "' is not an ISO-8601 UTC instant");
        }
        if (start.toEpochMilli() % Intervals.INTERVAL_MILLIS != 0) {
            throw new InputException(
                    at + ": field interval_start: '" + f[0] + "' is not on the 15-minute grid");
        }
        String queue = f[1].strip();
        if (queue.isEmpty()) {
            throw new InputException(at + ": field queue: empty");
        }
        Channel channel;
        try {
            channel = Channel.valueOf(f[2].strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    at
                            + ": field channel: '"
                            + f[2]
                            + "' is not PHONE, CHAT, EMAIL, LETTER or PORTAL");
        }
        double offered = number(at, "offered", f[3]);
        if (offered < 0) {
            throw new InputException(at + ": field offered: must be >= 0, got " + f[3]);
        }
        double aht;
        if (f[4].isBlank() && offered == 0) {
            aht = Double.NaN;
        } else {
            aht = number(at, "aht_s", f[4]);
            if (!(aht > 0)) {
                throw new InputException(at + ": field aht_s: must be > 0, got " + f[4]);
            }
        }
        return new ForecastRow(start, queue, channel, offered, aht);
    }

    private static double number(String at, String field, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(at + ": field " + field + ": '" + text + "' is not a number");
        }
    }

    /** The staffing of every forecast row, in the same order. */
    public List<StaffingRow> plan(List<ForecastRow> forecast) {
        StaffingRow[] out = new StaffingRow[forecast.size()];
        Map<String, List<Integer>> deferred = new LinkedHashMap<>();
        for (int i = 0; i < forecast.size(); i++) {
            ForecastRow row = forecast.get(i);
            if (row.channel().isLive()) {
                out[i] = live(row);
            } else {
                deferred.computeIfAbsent(
                                row.queue() + "\u0000" + row.channel(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> series : deferred.values()) {
            deferred(forecast, series, out);
        }
        return List.of(out);
    }

    private StaffingRow live(ForecastRow row) {
        if (row.offered() == 0) {
            return new StaffingRow(row, 0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        ChannelTargets t = config.of(row.queue(), row.channel());
        double traffic = row.offered() * row.ahtSeconds() / INTERVAL;
        QueueMetrics m = RequiredAgents.solve(t.model(traffic, row.ahtSeconds()), t.liveTargets());
        int scheduled = Shrinkage.of(t.shrinkage()).scheduledAgents(m.agents());
        return new StaffingRow(
                row, m.agents(), scheduled, m.serviceLevel(), m.occupancy(), m.asaSeconds());
    }

    private void deferred(List<ForecastRow> forecast, List<Integer> series, StaffingRow[] out) {
        ForecastRow first = forecast.get(series.get(0));
        ChannelTargets t = config.of(first.queue(), first.channel());
        OpeningHours hours = config.openingHours();
        long window = Math.round(t.responseTargetSeconds() * 1000);
        Map<Long, Double> load = new HashMap<>();
        double[] response = new double[series.size()];
        for (int k = 0; k < series.size(); k++) {
            ForecastRow row = forecast.get(series.get(k));
            if (row.offered() == 0) {
                continue;
            }
            long arrival = row.intervalStart().toEpochMilli();
            long received = arrival;
            int skipped = 0;
            while (!hours.isOpen(Instant.ofEpochMilli(received))) {
                received += Intervals.INTERVAL_MILLIS;
                if (++skipped > MAX_CLOSED_INTERVALS) {
                    throw new InputException(
                            "opening hours "
                                    + hours
                                    + ": never open within a month of "
                                    + row.intervalStart());
                }
            }
            List<Long> open = new ArrayList<>();
            for (long u = received; u < received + window; u += Intervals.INTERVAL_MILLIS) {
                if (u == received || hours.isOpen(Instant.ofEpochMilli(u))) {
                    open.add(u);
                }
            }
            double work = row.offered() * row.ahtSeconds();
            double share = work / open.size();
            double delay = 0;
            for (long u : open) {
                load.merge(u, share, Double::sum);
                delay += (u - arrival) / 1000.0;
            }
            response[k] = delay / open.size();
        }
        for (int k = 0; k < series.size(); k++) {
            int index = series.get(k);
            ForecastRow row = forecast.get(index);
            double work = load.getOrDefault(row.intervalStart().toEpochMilli(), 0.0);
            double agents = roundFte(work / (INTERVAL * t.maxOccupancy()));
            double scheduled = roundFte(agents / (1 - t.shrinkage()));
            double occupancy = agents == 0 ? Double.NaN : work / (agents * INTERVAL);
            boolean arrivals = row.offered() > 0;
            out[index] =
                    new StaffingRow(
                            row,
                            agents,
                            scheduled,
                            arrivals ? 1.0 : Double.NaN,
                            occupancy,
                            arrivals ? response[k] : Double.NaN);
        }
    }

    /** Writes the plan (complete or not at all). */
    public static void write(Path file, List<StaffingRow> rows) throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    w.write(STAFFING_HEADER);
                    w.write('\n');
                    for (StaffingRow r : rows) {
                        ForecastRow f = r.forecast();
                        w.write(
                                KpiFormat.csvLine(
                                        List.of(
                                                KpiFormat.instant(f.intervalStart()),
                                                f.queue(),
                                                f.channel().name(),
                                                KpiFormat.decimal(f.offered()),
                                                KpiFormat.decimal(f.ahtSeconds()),
                                                KpiFormat.decimal(r.agents()),
                                                KpiFormat.decimal(r.scheduledAgents()),
                                                KpiFormat.decimal(round(r.serviceLevel(), 6)),
                                                KpiFormat.decimal(round(r.occupancy(), 6)),
                                                KpiFormat.decimal(round(r.asaSeconds(), 3)))));
                        w.write('\n');
                    }
                });
    }

    /** Deferred FTE to a thousandth of an agent: finer figures are noise in a plan. */
    private static double roundFte(double fte) {
        return Math.round(fte * 1000) / 1000.0;
    }

    private static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
