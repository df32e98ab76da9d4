package fr.joignable.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A multi-skill contact centre driven by a plan: the workload of a forecast (per stream — a queue
 * on a live channel — and 15-minute interval, an expected count and a handle time) and agents with
 * skills and presence. It measures what that plan would achieve.
 *
 * <p><b>Model.</b> Arrivals of each stream are Poisson with the interval's rate (piecewise
 * constant). Each contact draws an exponential handle time of the interval's mean (for chat, the
 * handle time at the configured concurrency {@code aht · (1 + g(k − 1))}) and an exponential
 * patience. Routing: an arriving contact goes to a free agent trained in its queue — for phone an
 * agent doing nothing, for chat an agent not on the phone with fewer than {@code k} chats (the one
 * with fewest chats) — preferring the agent with the fewest skills, then the one idle longest; if
 * none, it waits in its queue (first come, first served) and hangs up when its patience runs out.
 * An agent who frees capacity takes the longest-waiting contact among his skills that he can take.
 * Agents come and go at the bounds of their presence segments; one leaving finishes his contacts
 * first (no pre-emption). With one stream, {@code N} identical agents and constant rates this is
 * exactly the M/M/N+M queue of Erlang A, which {@code PlanSimulatorTest} checks.
 *
 * <p><b>Common random numbers.</b> The draws of a stream come from its own generator, seeded from
 * the seed and the stream's index, and every contact draws its patience and handle time at its
 * arrival: two plans simulated with one seed see the same contacts. The generator's seed is a hash
 * of the run's seed and the stream ({@link #streamSeed}): {@code SplittableRandom} steps its seed
 * by a fixed gamma, so seeds in arithmetic progression of that gamma (as {@code seed × gamma + c}
 * was until December 2026) give the same draws shifted by one, and a run of seeds 1…10 then had
 * about three distinct sets of contacts (one contact is three draws).
 *
 * <p><b>Measures</b> per stream and interval of arrival ({@code kpis.md}): offered, answered,
 * answered within the threshold, abandoned, total wait of the answered; per agent and interval,
 * present and busy seconds (busy: handling at least one contact).
 */
public final class PlanSimulator {

    /** Length of an interval, seconds. */
    public static final double INTERVAL = 900;

    /**
     * One stream.
     *
     * @param queue the queue (agents' skills name queues)
     * @param chat true: handled {@code concurrency} at a time
     * @param offered expected arrivals per interval
     * @param ahtSeconds mean handle time of one contact per interval (when handled alone)
     * @param patienceSeconds mean patience; NaN or ≤ 0: callers never hang up
     * @param thresholdSeconds service-level threshold
     * @param concurrency chats an agent handles at once (1 for phone)
     * @param concurrencyGrowth growth of one chat's handle time per extra concurrent chat
     */
    public record Stream(
            String queue,
            boolean chat,
            double[] offered,
            double[] ahtSeconds,
            double patienceSeconds,
            double thresholdSeconds,
            int concurrency,
            double concurrencyGrowth) {

        public Stream {
            Objects.requireNonNull(queue, "queue");
            if (offered.length != ahtSeconds.length) {
                throw new IllegalArgumentException(
                        "offered and aht must have one value per interval");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1");
            }
        }
    }

    /**
     * One agent: trained in {@code skills} (queue names), present in the segments {@code [from[i],
     * to[i])}, seconds from the start of the first interval, sorted and disjoint.
     */
    public record Agent(String id, List<String> skills, double[] from, double[] to) {

        public Agent {
            skills = List.copyOf(skills);
            if (from.length != to.length) {
                throw new IllegalArgumentException(
                        "presence segments must have a start and an end");
            }
        }
    }

    /**
     * What one run measured. Arrays by stream then interval ({@code [s][u]}), agents' by agent then
     * interval.
     */
    public record Result(
            long[][] offered,
            long[][] answered,
            long[][] withinThreshold,
            long[][] abandoned,
            double[][] answeredWaitSeconds,
            double[][] presentSeconds,
            double[][] busySeconds) {}

    private static final int ARRIVAL = 0;
    private static final int END = 1;
    private static final int ON = 2;
    private static final int OFF = 3;

    private record Event(double time, long order, int kind, int who, int stream) {}

    private static final class Contact {
        final int stream;
        final int interval;
        final double arrival;
        final double patience;
        final double service;

        Contact(int stream, int interval, double arrival, double patience, double service) {
            this.stream = stream;
            this.interval = interval;
            this.arrival = arrival;
            this.patience = patience;
            this.service = service;
        }
    }

    private final List<Stream> streams;
    private final List<Agent> agents;
    private final int intervals;
    private final int[][] streamsOfAgent;
    private final int[][] agentsOfStream;
    private final int[] skillCount;

    public PlanSimulator(List<Stream> streams, List<Agent> agents) {
        this.streams = List.copyOf(streams);
        this.agents = List.copyOf(agents);
        int n = 0;
        for (Stream s : streams) {
            n = Math.max(n, s.offered().length);
        }
        this.intervals = n;
        streamsOfAgent = new int[agents.size()][];
        skillCount = new int[agents.size()];
        List<List<Integer>> byStream = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            byStream.add(new ArrayList<>());
        }
        for (int a = 0; a < agents.size(); a++) {
            List<Integer> mine = new ArrayList<>();
            for (int s = 0; s < streams.size(); s++) {
                if (agents.get(a).skills().contains(streams.get(s).queue())) {
                    mine.add(s);
                    byStream.get(s).add(a);
                }
            }
            streamsOfAgent[a] = mine.stream().mapToInt(Integer::intValue).toArray();
            skillCount[a] = agents.get(a).skills().size();
        }
        agentsOfStream = new int[streams.size()][];
        for (int s = 0; s < streams.size(); s++) {
            agentsOfStream[s] = byStream.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public int intervals() {
        return intervals;
    }

    /**
     * The seed of stream {@code s}'s generator in the run of {@code seed}: two rounds of the
     * MurmurHash3 64-bit finaliser, so that nearby seeds and streams start at unrelated points of
     * the generator's sequence (each draws at most a few hundred thousand values).
     */
    static long streamSeed(long seed, int s) {
        return mix64(mix64(seed ^ 0x632BE59BD9B4E019L) + 31L * s + 7);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** One run with {@code seed}. */
    public Result run(long seed) {
        return new Run(seed).execute();
    }

    /** Per-run state. */
    private final class Run {
        final long seed;
        final PriorityQueue<Event> events =
                new PriorityQueue<>(
                        (x, y) -> {
                            int c = Double.compare(x.time(), y.time());
                            return c != 0 ? c : Long.compare(x.order(), y.order());
                        });
        long order;
        final List<ArrayDeque<Contact>> waiting = new ArrayList<>();
        final List<Contact[]> arrivals = new ArrayList<>();
        final int[] nextArrival;
        final boolean[] present;
        final boolean[] onPhone;
        final int[] chats;
        final double[] idleSince;
        final double[] lastChange;
        final boolean[] wasBusy;
        final boolean[] wasPresent;
        final long[][] offered;
        final long[][] answered;
        final long[][] within;
        final long[][] abandoned;
        final double[][] waitSum;
        final double[][] presentSeconds;
        final double[][] busySeconds;

        Run(long seed) {
            this.seed = seed;
            int s = streams.size();
            int a = agents.size();
            nextArrival = new int[s];
            present = new boolean[a];
            onPhone = new boolean[a];
            chats = new int[a];
            idleSince = new double[a];
            lastChange = new double[a];
            wasBusy = new boolean[a];
            wasPresent = new boolean[a];
            offered = new long[s][intervals];
            answered = new long[s][intervals];
            within = new long[s][intervals];
            abandoned = new long[s][intervals];
            waitSum = new double[s][intervals];
            presentSeconds = new double[a][intervals];
            busySeconds = new double[a][intervals];
        }

        Result execute() {
            for (int s = 0; s < streams.size(); s++) {
                waiting.add(new ArrayDeque<>());
                arrivals.add(generate(s));
                schedule(s);
            }
            for (int a = 0; a < agents.size(); a++) {
                Agent agent = agents.get(a);
                for (int i = 0; i < agent.from().length; i++) {
                    push(agent.from()[i], ON, a, -1);
                    push(agent.to()[i], OFF, a, -1);
                }
            }
            double end = intervals * INTERVAL;
            while (!events.isEmpty()) {
                Event e = events.poll();
                double t = e.time();
                switch (e.kind()) {
                    case ARRIVAL -> arrive(t, e.stream());
                    case END -> finish(t, e.who(), e.stream());
                    case ON -> {
                        account(e.who(), t);
                        present[e.who()] = true;
                        idleSince[e.who()] = t;
                        pull(t, e.who());
                    }
                    case OFF -> {
                        account(e.who(), t);
                        present[e.who()] = false;
                    }
                    default -> throw new IllegalStateException();
                }
            }
            for (int a = 0; a < agents.size(); a++) {
                account(a, Math.max(end, lastChange[a]));
            }
            // contacts still waiting at the end: abandoned if their patience ran out by then
            for (ArrayDeque<Contact> q : waiting) {
                for (Contact c : q) {
                    if (c.arrival + c.patience <= end) {
                        abandoned[c.stream][c.interval]++;
                    }
                }
            }
            return new Result(
                    offered, answered, within, abandoned, waitSum, presentSeconds, busySeconds);
        }

        Contact[] generate(int s) {
            Stream st = streams.get(s);
            SplittableRandom rng = new SplittableRandom(streamSeed(seed, s));
            boolean patient = !(st.patienceSeconds() > 0);
            double factor = st.chat() ? 1 + st.concurrencyGrowth() * (st.concurrency() - 1) : 1;
            List<Contact> out = new ArrayList<>();
            for (int u = 0; u < st.offered().length; u++) {
                double rate = st.offered()[u] / INTERVAL;
                if (!(rate > 0)) {
                    continue;
                }
                double start = u * INTERVAL;
                double t = start;
                while (true) {
                    t += -Math.log(1 - rng.nextDouble()) / rate;
                    if (t >= start + INTERVAL) {
                        break;
                    }
                    double patience =
                            patient
                                    ? Double.POSITIVE_INFINITY
                                    : -Math.log(1 - rng.nextDouble()) * st.patienceSeconds();
                    double service = -Math.log(1 - rng.nextDouble()) * st.ahtSeconds()[u] * factor;
                    out.add(new Contact(s, u, t, patience, service));
                }
            }
            return out.toArray(new Contact[0]);
        }

        void schedule(int s) {
            Contact[] list = arrivals.get(s);
            if (nextArrival[s] < list.length) {
                push(list[nextArrival[s]].arrival, ARRIVAL, -1, s);
            }
        }

        void push(double t, int kind, int who, int stream) {
            events.add(new Event(t, order++, kind, who, stream));
        }

        void arrive(double t, int s) {
            Contact c = arrivals.get(s)[nextArrival[s]++];
            schedule(s);
            offered[s][c.interval]++;
            int a = chooseAgent(s);
            if (a >= 0) {
                start(t, a, c);
            } else {
                waiting.get(s).add(c);
            }
        }

        boolean canTake(int a, int s) {
            if (!present[a] || onPhone[a]) {
                return false;
            }
            Stream st = streams.get(s);
            return st.chat() ? chats[a] < st.concurrency() : chats[a] == 0;
        }

        int chooseAgent(int s) {
            int best = -1;
            for (int a : agentsOfStream[s]) {
                if (!canTake(a, s)) {
                    continue;
                }
                if (best < 0 || better(a, best)) {
                    best = a;
                }
            }
            return best;
        }

        boolean better(int a, int b) {
            if (chats[a] != chats[b]) {
                return chats[a] < chats[b];
            }
            if (skillCount[a] != skillCount[b]) {
                return skillCount[a] < skillCount[b];
            }
            return idleSince[a] < idleSince[b];
        }

        void start(double t, int a, Contact c) {
            account(a, t);
            double wait = t - c.arrival;
            answered[c.stream][c.interval]++;
            waitSum[c.stream][c.interval] += wait;
            if (wait <= streams.get(c.stream).thresholdSeconds() + 1e-9) {
                within[c.stream][c.interval]++;
            }
            if (streams.get(c.stream).chat()) {
                chats[a]++;
            } else {
                onPhone[a] = true;
            }
            push(t + c.service, END, a, c.stream);
        }

        void finish(double t, int a, int s) {
            account(a, t);
            if (streams.get(s).chat()) {
                chats[a]--;
            } else {
                onPhone[a] = false;
            }
            if (!onPhone[a] && chats[a] == 0) {
                idleSince[a] = t;
            }
            pull(t, a);
        }

        /** Agent {@code a} takes waiting contacts while he can, oldest first. */
        void pull(double t, int a) {
            while (present[a]) {
                Contact oldest = null;
                for (int s : streamsOfAgent[a]) {
                    if (!canTake(a, s)) {
                        continue;
                    }
                    ArrayDeque<Contact> q = waiting.get(s);
                    while (!q.isEmpty() && q.peekFirst().arrival + q.peekFirst().patience < t) {
                        Contact gone = q.pollFirst();
                        abandoned[gone.stream][gone.interval]++;
                    }
                    Contact head = q.peekFirst();
                    if (head != null && (oldest == null || head.arrival < oldest.arrival)) {
                        oldest = head;
                    }
                }
                if (oldest == null) {
                    return;
                }
                waiting.get(oldest.stream).pollFirst();
                start(t, a, oldest);
            }
        }

        /** Adds the agent's present and busy time since his last change, split by interval. */
        void account(int a, double t) {
            double from = lastChange[a];
            boolean busy = onPhone[a] || chats[a] > 0;
            if (t > from && (present[a] || busy)) {
                int u = (int) (from / INTERVAL);
                while (from < t && u < intervals) {
                    double to = Math.min(t, (u + 1) * INTERVAL);
                    presentSeconds[a][u] += to - from;
                    if (busy) {
                        busySeconds[a][u] += to - from;
                    }
                    from = to;
                    u++;
                }
            }
            lastChange[a] = t;
        }
    }

    /** The sums of several runs, field by field. */
    public static Result sum(List<Result> runs) {
        Result first = runs.get(0);
        int s = first.offered().length;
        int a = first.presentSeconds().length;
        int n =
                s == 0
                        ? (a == 0 ? 0 : first.presentSeconds()[0].length)
                        : first.offered()[0].length;
        long[][] offered = new long[s][n];
        long[][] answered = new long[s][n];
        long[][] within = new long[s][n];
        long[][] abandoned = new long[s][n];
        double[][] wait = new double[s][n];
        double[][] present = new double[a][n];
        double[][] busy = new double[a][n];
        for (Result r : runs) {
            for (int i = 0; i < s; i++) {
                for (int u = 0; u < n; u++) {
                    offered[i][u] += r.offered()[i][u];
                    answered[i][u] += r.answered()[i][u];
                    within[i][u] += r.withinThreshold()[i][u];
                    abandoned[i][u] += r.abandoned()[i][u];
                    wait[i][u] += r.answeredWaitSeconds()[i][u];
                }
            }
            for (int i = 0; i < a; i++) {
                for (int u = 0; u < n; u++) {
                    present[i][u] += r.presentSeconds()[i][u];
                    busy[i][u] += r.busySeconds()[i][u];
                }
            }
        }
        return new Result(offered, answered, within, abandoned, wait, present, busy);
    }

    @Override
    public String toString() {
        return "PlanSimulator["
                + streams.size()
                + " streams, "
                + agents.size()
                + " agents, "
                + intervals
                + " intervals]";
    }

    static double[] constant(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }
}
