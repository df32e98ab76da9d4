package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.staffing.StaffingPlan.BacklogDay;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.forecasting.staffing.StaffingPlan.Plan;
import fr.joignable.forecasting.staffing.StaffingPlan.PoolRow;
import fr.joignable.forecasting.staffing.StaffingPlan.StaffingRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link Plan}: per pool and interval, the live members staffed together ({@link
 * LivePool}), the deferred work of the pool's queues placed by {@link DeferredBacklog}, then one
 * rounding: scheduled agents {@code S = ⌈(N + d) / (1 − absence)⌉} with {@code N} the pool's whole
 * live agents, {@code d} its deferred full-time equivalents and {@code absence} the largest of its
 * members'. Each row gets its share: live {@code nᵢ} ({@link LivePool}), deferred the work it has
 * done in the interval over 900 s; its scheduled share is {@code share · S / (N + d)}, so a pool's
 * rows add up to whole agents.
 *
 * <p>Deferred jobs: a row's work {@code offered · aht / max occupancy} agent-seconds is received at
 * its interval, or at the next open one; {@code response_percent} of it is due within {@code
 * response_target} of receipt, the rest within twice that (documented in {@code docs/staffing.md});
 * work due after the horizon is due at its last interval. The row's {@code service_level} is the
 * share of its work done within the target, {@code asa_s} the mean response (middle of arrival
 * interval to middle of the interval doing it) of the work done in the horizon.
 */
final class PoolPlanner {

    private static final double INTERVAL = Intervals.INTERVAL_SECONDS;
    private static final double EPSILON = 1e-9;

    private final TargetsConfig config;
    private final List<ForecastRow> forecast;
    private final Pools pools;
    private final long first;
    private final int size;

    private final LiveCheck check;

    /**
     * Open intervals ({@code opening_hours}). When the targets give the hours, live contacts
     * offered while closed are turned away by the switchboard ({@code CONTACT_DIVERTED} {@code
     * CLOSED}, out of the service-level denominators of {@code kpis.md}): they get no agents.
     */
    private boolean[] open;

    /** Intervals whose live contacts are staffed: open ones, or all without explicit hours. */
    private boolean[] liveOpen;

    PoolPlanner(TargetsConfig config, List<ForecastRow> forecast, Pools pools, LiveCheck check) {
        this.check = check;
        this.config = config;
        this.forecast = forecast;
        this.pools = pools;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ForecastRow r : forecast) {
            long t = r.intervalStart().toEpochMilli();
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        this.first = min;
        this.size = forecast.isEmpty() ? 0 : (int) ((max - min) / Intervals.INTERVAL_MILLIS) + 1;
    }

    private int index(ForecastRow r) {
        return (int) ((r.intervalStart().toEpochMilli() - first) / Intervals.INTERVAL_MILLIS);
    }

    private Instant instant(int u) {
        return Instant.ofEpochMilli(first + u * Intervals.INTERVAL_MILLIS);
    }

    Plan run() {
        StaffingRow[] out = new StaffingRow[forecast.size()];
        double[] share = new double[forecast.size()];
        double[] sl = new double[forecast.size()];
        double[] occ = new double[forecast.size()];
        double[] asa = new double[forecast.size()];
        List<PoolRow> poolRows = new ArrayList<>();
        List<BacklogDay> backlog = new ArrayList<>();
        Map<Pools.Pool, List<Integer>> rowsOfPool = new LinkedHashMap<>();
        for (Pools.Pool p : pools.pools()) {
            rowsOfPool.put(p, new ArrayList<>());
        }
        for (int i = 0; i < forecast.size(); i++) {
            rowsOfPool.get(pools.of(forecast.get(i).queue())).add(i);
        }
        open = new boolean[size];
        for (int u = 0; u < size; u++) {
            open[u] = config.openingHours().isOpen(instant(u));
        }
        liveOpen = new boolean[size];
        for (int u = 0; u < size; u++) {
            liveOpen[u] = open[u] || !config.closesLiveContacts();
        }
        Map<Pools.Pool, PoolState> states = new LinkedHashMap<>();
        for (Map.Entry<Pools.Pool, List<Integer>> e : rowsOfPool.entrySet()) {
            if (!e.getValue().isEmpty()) {
                states.put(e.getKey(), live(e.getKey(), e.getValue(), share, sl, occ, asa));
            }
        }
        if (check != null) {
            Map<Pools.Pool, int[]> counts = new LinkedHashMap<>();
            for (Map.Entry<Pools.Pool, PoolState> e : states.entrySet()) {
                int[] n = new int[size];
                for (int u = 0; u < size; u++) {
                    n[u] = (int) e.getValue().liveAgents[u];
                }
                counts.put(e.getKey(), n);
            }
            LiveCheck.Outcome outcome = check.check(counts);
            for (Map.Entry<Pools.Pool, PoolState> e : states.entrySet()) {
                apply(e.getValue(), outcome, share, sl, occ, asa);
            }
        }
        for (PoolState st : states.values()) {
            finish(st, open, share, sl, occ, asa, out, poolRows, backlog);
        }
        poolRows.sort(
                (a, b) -> {
                    int c = a.intervalStart().compareTo(b.intervalStart());
                    return c != 0 ? c : a.pool().name().compareTo(b.pool().name());
                });
        return new Plan(List.of(out), List.copyOf(poolRows), List.copyOf(backlog));
    }

    /** A pool between its live staffing and its deferred work. */
    private static final class PoolState {
        Pools.Pool pool;
        List<Integer> rows;
        double absence;
        double[] liveAgents;
        double[] liveErlangs;
        String[] levels;
        List<List<Integer>> liveAt;
        Map<String, List<Integer>> deferredSeries;
    }

    /**
     * The outcome of a live check: corrected whole live agents per pool and interval, and per
     * (queue, channel, interval) the service level, occupancy and asa the check measured.
     */
    interface LiveCheck {
        record Outcome(Map<Pools.Pool, int[]> counts, Map<String, double[]> metrics) {}

        Outcome check(Map<Pools.Pool, int[]> counts);
    }

    static String metricsKey(String queue, Channel channel, int u) {
        return queue + "\u0000" + channel + "\u0000" + u;
    }

    private void apply(
            PoolState st,
            LiveCheck.Outcome outcome,
            double[] share,
            double[] sl,
            double[] occ,
            double[] asa) {
        int[] n = outcome.counts().get(st.pool);
        for (int u = 0; u < size; u++) {
            double before = st.liveAgents[u];
            double after = n == null ? before : n[u];
            StringBuilder text = new StringBuilder();
            for (int i : st.liveAt.get(u)) {
                share[i] = before > 0 ? share[i] * after / before : 0;
                ForecastRow r = forecast.get(i);
                double[] m = outcome.metrics().get(metricsKey(r.queue(), r.channel(), u));
                if (m != null) {
                    sl[i] = m[0];
                    occ[i] = m[1];
                    asa[i] = m[2];
                }
                if (text.length() > 0) {
                    text.append(';');
                }
                text.append(r.queue())
                        .append('/')
                        .append(r.channel().name())
                        .append('=')
                        .append(
                                Double.isNaN(sl[i])
                                        ? ""
                                        : String.format(Locale.ROOT, "%.3f", sl[i]));
            }
            st.liveAgents[u] = after;
            st.levels[u] = text.toString();
        }
    }

    private PoolState live(
            Pools.Pool pool,
            List<Integer> rows,
            double[] share,
            double[] sl,
            double[] occ,
            double[] asa) {
        List<List<Integer>> liveAt = new ArrayList<>(size);
        for (int u = 0; u < size; u++) {
            liveAt.add(new ArrayList<>(4));
        }
        Map<String, List<Integer>> deferredSeries = new LinkedHashMap<>();
        double absence = 0;
        for (int i : rows) {
            ForecastRow r = forecast.get(i);
            ChannelTargets t = config.of(r.queue(), r.channel());
            absence = Math.max(absence, t.shrinkage());
            if (r.channel().isLive()) {
                if (r.offered() > 0 && liveOpen[index(r)]) {
                    liveAt.get(index(r)).add(i);
                }
            } else {
                deferredSeries
                        .computeIfAbsent(r.queue() + "\u0000" + r.channel(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        // live
        double[] liveAgents = new double[size];
        double[] liveErlangs = new double[size];
        String[] levels = new String[size];
        for (int u = 0; u < size; u++) {
            List<Integer> members = liveAt.get(u);
            if (members.isEmpty()) {
                levels[u] = "";
                continue;
            }
            members.sort(
                    (a, b) -> {
                        ForecastRow x = forecast.get(a);
                        ForecastRow y = forecast.get(b);
                        int c = x.queue().compareTo(y.queue());
                        return c != 0 ? c : x.channel().compareTo(y.channel());
                    });
            List<LivePool.Member> ms = new ArrayList<>(members.size());
            for (int i : members) {
                ForecastRow r = forecast.get(i);
                ms.add(
                        new LivePool.Member(
                                r.offered(), r.ahtSeconds(), config.of(r.queue(), r.channel())));
            }
            LivePool.Result res = LivePool.solve(ms);
            liveAgents[u] = res.agents();
            liveErlangs[u] = res.traffic();
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                share[i] = res.shares()[k];
                QueueMetrics m = res.metrics()[k];
                sl[i] = m.serviceLevel();
                occ[i] = m.occupancy();
                asa[i] = m.asaSeconds();
                if (k > 0) {
                    text.append(';');
                }
                ForecastRow r = forecast.get(i);
                text.append(r.queue())
                        .append('/')
                        .append(r.channel().name())
                        .append('=')
                        .append(String.format(Locale.ROOT, "%.3f", m.serviceLevel()));
            }
            levels[u] = text.toString();
        }
        PoolState st = new PoolState();
        st.pool = pool;
        st.rows = rows;
        st.absence = absence;
        st.liveAgents = liveAgents;
        st.liveErlangs = liveErlangs;
        st.levels = levels;
        st.liveAt = liveAt;
        st.deferredSeries = deferredSeries;
        return st;
    }

    private void finish(
            PoolState st,
            boolean[] open,
            double[] share,
            double[] sl,
            double[] occ,
            double[] asa,
            StaffingRow[] out,
            List<PoolRow> poolRows,
            List<BacklogDay> backlog) {
        Pools.Pool pool = st.pool;
        List<Integer> rows = st.rows;
        double absence = st.absence;
        double[] liveAgents = st.liveAgents;
        double[] liveErlangs = st.liveErlangs;
        String[] levels = st.levels;
        Map<String, List<Integer>> deferredSeries = st.deferredSeries;
        // deferred
        List<DeferredBacklog.Job> jobs = new ArrayList<>();
        List<Integer> jobRow = new ArrayList<>();
        List<Integer> jobTargetDue = new ArrayList<>();
        for (List<Integer> series : deferredSeries.values()) {
            for (int i : series) {
                ForecastRow r = forecast.get(i);
                if (r.offered() == 0) {
                    continue;
                }
                ChannelTargets t = config.of(r.queue(), r.channel());
                int u0 = index(r);
                int received = u0;
                while (received < size && !open[received]) {
                    received++;
                }
                double work = r.offered() * r.ahtSeconds() / t.maxOccupancy();
                int window = (int) Math.ceil(t.responseTargetSeconds() / INTERVAL - EPSILON);
                int due = dueIndex(received, window);
                int lateDue = dueIndex(received, 2 * window);
                double p = t.responsePercent() / 100.0;
                jobs.add(new DeferredBacklog.Job(work * p, received, due));
                jobRow.add(i);
                jobTargetDue.add(due);
                if (p < 1) {
                    jobs.add(new DeferredBacklog.Job(work * (1 - p), received, lateDue));
                    jobRow.add(i);
                    jobTargetDue.add(due);
                }
            }
        }
        DeferredBacklog.Schedule schedule =
                jobs.isEmpty() ? null : DeferredBacklog.planByDay(liveAgents, open, jobs, dayOf());
        double[] deferredAgents = new double[size];
        double[] doneOnTime = new double[forecast.size()];
        double[] doneWork = new double[forecast.size()];
        double[] delay = new double[forecast.size()];
        double[] rowWorkAt = new double[forecast.size()];
        Map<String, Integer> rowAt = new LinkedHashMap<>();
        for (List<Integer> series : deferredSeries.values()) {
            for (int i : series) {
                rowAt.put(key(forecast.get(i)) + "\u0000" + index(forecast.get(i)), i);
            }
        }
        if (schedule != null) {
            for (int u = 0; u < size; u++) {
                for (double[] d : schedule.done().get(u)) {
                    int j = (int) d[0];
                    int i = jobRow.get(j);
                    deferredAgents[u] += d[1] / INTERVAL;
                    doneWork[i] += d[1];
                    delay[i] += d[1] * (u - index(forecast.get(i))) * INTERVAL;
                    if (u <= jobTargetDue.get(j)) {
                        doneOnTime[i] += d[1];
                    }
                    Integer there = rowAt.get(key(forecast.get(i)) + "\u0000" + u);
                    if (there != null) {
                        rowWorkAt[there] += d[1];
                    }
                }
            }
            backlog.addAll(backlogDays(jobs, jobRow, schedule));
        }
        // one rounding per pool and interval
        double[] scale = new double[size];
        for (int u = 0; u < size; u++) {
            double total = liveAgents[u] + deferredAgents[u];
            int scheduled = total <= EPSILON ? 0 : (int) Math.ceil(total / (1 - absence) - EPSILON);
            scale[u] = total <= EPSILON ? 0 : scheduled / total;
            if (total > EPSILON || !levels[u].isEmpty()) {
                poolRows.add(
                        new PoolRow(
                                instant(u),
                                pool,
                                liveErlangs[u],
                                (int) liveAgents[u],
                                deferredAgents[u],
                                scheduled,
                                levels[u]));
            }
        }
        for (int i : rows) {
            ForecastRow r = forecast.get(i);
            int u = index(r);
            if (r.channel().isLive()) {
                if (r.offered() == 0 || !liveOpen[u]) {
                    out[i] = new StaffingRow(r, 0, 0, Double.NaN, Double.NaN, Double.NaN);
                } else {
                    out[i] =
                            new StaffingRow(
                                    r, share[i], share[i] * scale[u], sl[i], occ[i], asa[i]);
                }
            } else {
                double agents = rowWorkAt[i] / INTERVAL;
                ChannelTargets t = config.of(r.queue(), r.channel());
                double work = r.offered() * (Double.isNaN(r.ahtSeconds()) ? 0 : r.ahtSeconds());
                boolean arrivals = r.offered() > 0;
                out[i] =
                        new StaffingRow(
                                r,
                                agents,
                                agents * scale[u],
                                arrivals ? doneOnTime[i] / (work / t.maxOccupancy()) : Double.NaN,
                                agents > 0 ? t.maxOccupancy() : Double.NaN,
                                arrivals && doneWork[i] > 0 ? delay[i] / doneWork[i] : Double.NaN);
            }
        }
    }

    private int[] dayOf() {
        ZoneId zone = config.openingHours().zone();
        int[] day = new int[size];
        LocalDate previous = null;
        int d = -1;
        for (int u = 0; u < size; u++) {
            LocalDate today = instant(u).atZone(zone).toLocalDate();
            if (!today.equals(previous)) {
                d++;
                previous = today;
            }
            day[u] = d;
        }
        return day;
    }

    private int dueIndex(int received, int window) {
        long due = (long) received + Math.max(1, window) - 1;
        return (int) Math.min(due, size - 1L); // work arriving in the plan is done in it
    }

    private static String key(ForecastRow r) {
        return r.queue() + "\u0000" + r.channel();
    }

    /** Work received and not done at the end of each local day, per queue and channel. */
    private List<BacklogDay> backlogDays(
            List<DeferredBacklog.Job> jobs, List<Integer> jobRow, DeferredBacklog.Schedule s) {
        ZoneId zone = config.openingHours().zone();
        Map<String, double[]> pending = new LinkedHashMap<>(); // {contacts, handle hours}
        Map<String, ForecastRow> sample = new LinkedHashMap<>();
        List<List<Integer>> arrivingAt = new ArrayList<>(size);
        for (int u = 0; u < size; u++) {
            arrivingAt.add(new ArrayList<>());
        }
        double[] perSecond = new double[jobs.size()]; // contacts per agent-second of the job
        for (int j = 0; j < jobs.size(); j++) {
            ForecastRow r = forecast.get(jobRow.get(j));
            arrivingAt.get(index(r)).add(j);
            sample.putIfAbsent(key(r), r);
            pending.putIfAbsent(key(r), new double[2]);
            ChannelTargets t = config.of(r.queue(), r.channel());
            perSecond[j] = t.maxOccupancy() / r.ahtSeconds();
        }
        List<BacklogDay> days = new ArrayList<>();
        for (int u = 0; u < size; u++) {
            for (int j : arrivingAt.get(u)) {
                ForecastRow r = forecast.get(jobRow.get(j));
                double contacts = jobs.get(j).work() * perSecond[j];
                double[] p = pending.get(key(r));
                p[0] += contacts;
                p[1] += contacts * r.ahtSeconds() / 3600;
            }
            for (double[] d : s.done().get(u)) {
                int j = (int) d[0];
                ForecastRow r = forecast.get(jobRow.get(j));
                double contacts = d[1] * perSecond[j];
                double[] p = pending.get(key(r));
                p[0] -= contacts;
                p[1] -= contacts * r.ahtSeconds() / 3600;
            }
            LocalDate today = instant(u).atZone(zone).toLocalDate();
            boolean lastOfDay =
                    u == size - 1 || !instant(u + 1).atZone(zone).toLocalDate().equals(today);
            if (lastOfDay) {
                for (Map.Entry<String, double[]> e : pending.entrySet()) {
                    ForecastRow r = sample.get(e.getKey());
                    days.add(
                            new BacklogDay(
                                    today,
                                    r.queue(),
                                    r.channel(),
                                    Math.max(0, e.getValue()[0]),
                                    Math.max(0, e.getValue()[1])));
                }
            }
        }
        return days;
    }
}
