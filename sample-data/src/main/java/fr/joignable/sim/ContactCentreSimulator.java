package fr.joignable.sim;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.Intent;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import fr.joignable.domain.io.Progress;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A discrete-event simulation of an OPH contact centre that emits the interaction events a
 * landlord's telephony and ticketing systems would ({@code docs/events.md}).
 *
 * <p>The simulation runs one local calendar day after another, so a year streams out without being
 * held in memory: each day it draws the arrivals of every channel (non-homogeneous Poisson per
 * quarter-hour: weekly, intraday and yearly shapes), plans every agent's shift (login, breaks,
 * lunch logged out, training, logout), then plays the day event by event. Live contacts (phone,
 * chat) are served by priority then arrival time by the longest-idle trained agent, or abandoned
 * when the caller's patience runs out; deferred contacts (email, letter, portal) wait in a backlog
 * that agents work between calls while enough colleagues stay ready for calls. What crosses
 * midnight carries over: the backlog, repeats planned for later days, handoffs closed later.
 *
 * <p>Events are emitted in {@code ts} order (equal times in the order they happened). The run is
 * deterministic: the same options (seed included) give the same events. An instance runs once.
 */
public final class ContactCentreSimulator {

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long SLOT = 15 * MINUTE;
    private static final long DUPLICATE_WINDOW = 7 * DAY;
    private static final long SHORT_ABANDON = 5 * SECOND;
    private static final int SHIFT_MINUTES = 7 * 60 + 45;

    /** Live contacts are served by priority, then arrival. */
    private static final Comparator<Contact> SERVICE_ORDER =
            (a, b) -> {
                int c = Integer.compare(a.priority, b.priority);
                if (c == 0) {
                    c = Long.compare(a.offeredAt, b.offeredAt);
                }
                return c != 0 ? c : Long.compare(a.seq, b.seq);
            };

    private final SimulatorOptions o;
    private final ShiftSchedule schedule;
    private final Roster roster;
    private final RandomGenerator rng;
    private final String tag;
    private final String[] tenantIds;
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, TreeSet<Contact>> waiting = new HashMap<>();
    private final Map<String, TreeSet<Contact>> backlog = new HashMap<>();
    private final PriorityQueue<Sim> agenda = new PriorityQueue<>(4096);
    private final PriorityQueue<Sim> laterArrivals = new PriorityQueue<>();
    private final PriorityQueue<Stamped> outbox = new PriorityQueue<>(4096);
    private final Map<Long, Contact> lastOffer = new HashMap<>();

    private boolean ran;
    private long seq;
    private long eventCounter;
    private long contactCounter;
    private long handoffCounter;

    // the day being simulated
    private long dayEnd;
    private boolean workingDay;
    private long openMs;
    private long closeMs;

    // statistics
    private long events;
    private final Map<Channel, Long> offeredByChannel = new EnumMap<>(Channel.class);
    private final Map<String, Long> offeredByQueue = new TreeMap<>();
    private long liveOffered;
    private long answered;
    private long abandoned;
    private long shortAbandoned;
    private long identified;
    private long duplicates;
    private long duplicatesAfterAbandon;
    private long repeats;
    private long diverted;
    private long closedCalls;
    private final Diversions diversions = Diversions.DEFAULTS;
    private long handoffsCreated;
    private long handoffsClosed;

    public ContactCentreSimulator(SimulatorOptions options) {
        this(options, null);
    }

    /**
     * A centre whose agents work the shifts of {@code schedule} (null: shifts drawn at random):
     * each logs in at his shift's start, takes each break at its scheduled time (a break of 30
     * minutes or more is a lunch, logged out; a shorter one is not-ready) and logs out at the
     * shift's end, finishing the contact in hand first; no absence or training is drawn, and an
     * agent without a shift on a date does not work it.
     */
    public ContactCentreSimulator(SimulatorOptions options, ShiftSchedule schedule) {
        this.schedule = schedule;
        this.o = Objects.requireNonNull(options, "options");
        this.roster = Roster.of(options);
        this.rng = new Well19937c(options.seed());
        long mixed = mix(options.seed());
        this.tag = String.format(Locale.ROOT, "%06x", (mixed >>> 40) & 0xFFFFFF);
        this.tenantIds = new String[options.homes()];
        for (int i = 0; i < options.homes(); i++) {
            tenantIds[i] = "T" + String.format(Locale.ROOT, "%010x", permute40(i, mixed));
        }
        for (AgentProfile p : roster.agents()) {
            agents.add(new Agent(p, agents.size()));
        }
        for (String q : Roster.QUEUES) {
            waiting.put(q, new TreeSet<>(SERVICE_ORDER));
            backlog.put(q, new TreeSet<>(SERVICE_ORDER));
        }
    }

    public Roster roster() {
        return roster;
    }

    /**
     * Simulates {@code days} local days from {@code start}, handing each event to {@code sink} in
     * time order. Handoffs that would close after the period are left open (no event).
     */
    public SimulationSummary run(
            LocalDate start, int days, Consumer<InteractionEvent> sink, Progress progress) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1");
        }
        if (ran) {
            throw new IllegalStateException("a simulator runs once; create another one");
        }
        ran = true;
        try {
            for (int d = 0; d < days; d++) {
                simulateDay(start.plusDays(d), sink);
                progress.update(d + 1, days);
            }
        } finally {
            progress.finish();
        }
        long left = backlog.values().stream().mapToLong(TreeSet::size).sum();
        return new SimulationSummary(
                events,
                offeredByChannel,
                offeredByQueue,
                liveOffered,
                answered,
                abandoned,
                shortAbandoned,
                identified,
                duplicates,
                duplicatesAfterAbandon,
                repeats,
                handoffsCreated,
                handoffsClosed,
                agents.size(),
                left,
                diverted,
                closedCalls);
    }

    // ---------------------------------------------------------------- one day

    private void simulateDay(LocalDate date, Consumer<InteractionEvent> sink) {
        long dayStart = millis(date, LocalTime.MIDNIGHT);
        dayEnd = date.plusDays(1).atStartOfDay(o.zone()).toInstant().toEpochMilli();
        workingDay = ContactModel.isWorkingDay(date);
        openMs = millis(date, o.opens());
        closeMs = millis(date, o.closes());

        generateArrivals(date, dayStart);
        while (!laterArrivals.isEmpty() && laterArrivals.peek().t < dayEnd) {
            agenda.add(laterArrivals.poll());
        }
        if (schedule == null ? workingDay : schedule.anyOn(date)) {
            planAgents(date);
            Sim close = new Sim(closeMs, Kind.CLOSE);
            agenda.add(close);
        }
        while (!agenda.isEmpty()) {
            process(agenda.poll());
        }
        long horizon = dayEnd - DUPLICATE_WINDOW;
        lastOffer.values().removeIf(c -> c.offeredAt <= horizon);
        while (!outbox.isEmpty() && outbox.peek().ts < dayEnd) {
            InteractionEvent e = outbox.poll().event;
            if (e instanceof HandoffClosed) {
                handoffsClosed++;
            }
            sink.accept(e);
            events++;
        }
    }

    private void generateArrivals(LocalDate date, long dayStart) {
        Intent[] intents = ContactModel.intents();
        double[] cumulative = new double[intents.length];
        double total = 0;
        for (int i = 0; i < intents.length; i++) {
            total += ContactModel.baseShare(intents[i]) * ContactModel.seasonal(intents[i], date);
            cumulative[i] = total;
        }
        DayOfWeek dow = date.getDayOfWeek();
        for (Channel channel : Channel.values()) {
            double daily = dailyVolume(channel, date, dow) * total;
            if (daily <= 0) {
                continue;
            }
            List<long[]> slots = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double sum = 0;
            for (long s = dayStart; s < dayEnd; s += SLOT) {
                long from = s;
                long to = Math.min(s + SLOT, dayEnd);
                if (channel.isLive()) {
                    from = Math.max(from, openMs);
                    to = Math.min(to, closeMs);
                }
                if (to <= from) {
                    continue;
                }
                LocalTime local = Instant.ofEpochMilli(from).atZone(o.zone()).toLocalTime();
                double w = ContactModel.intraday(channel, local) * (to - from) / SLOT;
                if (w <= 0) {
                    continue;
                }
                slots.add(new long[] {from, to});
                weights.add(w);
                sum += w;
            }
            if (channel == Channel.PHONE && workingDay) {
                closedHourCalls(date, daily, intents, cumulative, total);
            }
            for (int k = 0; k < slots.size(); k++) {
                int n = poisson(daily * weights.get(k) / sum);
                long[] slot = slots.get(k);
                for (int j = 0; j < n; j++) {
                    long t = slot[0] + (long) (rng.nextDouble() * (slot[1] - slot[0]));
                    Intent intent = intents[pick(cumulative, total)];
                    Sim arrival = new Sim(t, Kind.ARRIVAL);
                    arrival.channel = channel;
                    arrival.intent = intent;
                    arrival.person = rng.nextInt(o.homes());
                    arrival.attempt = 1;
                    agenda.add(arrival);
                }
            }
        }
    }

    /**
     * Phone calls outside the opening hours of a working day (before it opens, after it closes):
     * {@link Diversions#closedCallShare()} of the day's phone volume, uniform over those hours.
     */
    private void closedHourCalls(
            LocalDate date, double daily, Intent[] intents, double[] cumulative, double total) {
        long earliest = millis(date, diversions.earliestCall());
        long latest = millis(date, diversions.latestCall());
        long before = Math.max(0, openMs - earliest);
        long after = Math.max(0, latest - closeMs);
        if (before + after == 0) {
            return;
        }
        int n = poisson(daily * diversions.closedCallShare());
        for (int j = 0; j < n; j++) {
            long u = (long) (rng.nextDouble() * (before + after));
            long t = u < before ? earliest + u : closeMs + (u - before);
            Sim arrival = new Sim(t, Kind.ARRIVAL);
            arrival.channel = Channel.PHONE;
            arrival.intent = intents[pick(cumulative, total)];
            arrival.person = rng.nextInt(o.homes());
            arrival.attempt = 1;
            agenda.add(arrival);
        }
    }

    private double dailyVolume(Channel channel, LocalDate date, DayOfWeek dow) {
        double perWorkingDay = 12 / ContactModel.WORKING_DAYS_PER_YEAR;
        double perDay = 12 / 365.0;
        boolean holiday = !workingDay && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        return switch (channel) {
            case PHONE ->
                    workingDay
                            ? o.phoneCallsPerMonth()
                                    * perWorkingDay
                                    * ContactModel.weekdayFactor(dow)
                            : 0;
            case CHAT ->
                    workingDay
                            ? o.chatsPerMonth() * perWorkingDay * ContactModel.weekdayFactor(dow)
                            : 0;
            case LETTER ->
                    workingDay
                            ? o.lettersPerMonth() * perWorkingDay * ContactModel.weekdayFactor(dow)
                            : 0;
            case EMAIL ->
                    o.emailsPerMonth()
                            * perDay
                            * ContactModel.deferredDayFactor(holiday ? DayOfWeek.SUNDAY : dow);
            case PORTAL ->
                    o.portalRequestsPerMonth()
                            * perDay
                            * ContactModel.deferredDayFactor(holiday ? DayOfWeek.SUNDAY : dow);
        };
    }

    /** The shifts of the schedule on {@code date} (see the constructor). */
    private void planScheduled(LocalDate date) {
        for (Agent a : agents) {
            a.due.clear();
            ShiftSchedule.Shift shift = schedule.shift(a.profile.agentId(), date);
            if (shift == null) {
                continue;
            }
            long login = millis(date, shift.start());
            long logout = millis(date, shift.end());
            if (logout <= login) {
                logout = millis(date.plusDays(1), shift.end());
            }
            List<Sim> plan = new ArrayList<>();
            for (java.time.LocalTime[] b : shift.breaks()) {
                long from = millis(date, b[0]);
                long to = millis(date, b[1]);
                if (from < login) {
                    from = millis(date.plusDays(1), b[0]);
                    to = millis(date.plusDays(1), b[1]);
                }
                if (to <= from) {
                    continue;
                }
                ActivityKind kind =
                        to - from >= 30 * MINUTE ? ActivityKind.LUNCH : ActivityKind.BREAK;
                plan.add(activity(a, from, kind, to - from));
            }
            Sim in = new Sim(login, Kind.LOGIN);
            in.agent = a;
            agenda.add(in);
            plan.add(activity(a, logout, ActivityKind.LOGOUT, 0));
            agenda.addAll(plan);
        }
    }

    private void planAgents(LocalDate date) {
        if (schedule != null) {
            planScheduled(date);
            return;
        }
        for (Agent a : agents) {
            a.due.clear();
            if (rng.nextDouble() < o.absenceShare()) {
                continue;
            }
            AgentProfile p = a.profile;
            if (p.fte() < 1 && p.fte() > 0.5) {
                DayOfWeek off = (a.index / 5) % 2 == 0 ? DayOfWeek.WEDNESDAY : DayOfWeek.FRIDAY;
                if (date.getDayOfWeek() == off) {
                    continue;
                }
            }
            List<Sim> plan = new ArrayList<>();
            long login;
            long logout;
            LocalTime opens = o.opens();
            LocalTime closes = o.closes();
            if (p.fte() <= 0.5) {
                login = millis(date, opens) + jitter(-3, 4);
                logout = millis(date, opens.plusHours(4)) + jitter(0, 3);
                plan.add(
                        activity(
                                a,
                                millis(date, opens.plusMinutes(105)) + jitter(-10, 10),
                                ActivityKind.BREAK,
                                o.breakLength().toMillis()));
            } else {
                // Shifts of 7 h 45 (7 h of work and lunch) around the opening hours: early from
                // 15 min before opening, mid from opening, late until 15 min after closing.
                double u = rng.nextDouble();
                LocalTime start;
                LocalTime lunch;
                if (u < 0.3) {
                    start = opens.minusMinutes(15);
                    lunch = opens.plusMinutes(210);
                } else if (u < 0.6) {
                    start = opens;
                    lunch = opens.plusMinutes(255);
                } else {
                    int lateStart =
                            Math.max(
                                    opens.toSecondOfDay() / 60 - 15,
                                    closes.toSecondOfDay() / 60 + 15 - SHIFT_MINUTES);
                    start = LocalTime.ofSecondOfDay(lateStart * 60L);
                    lunch = closes.minusHours(4);
                }
                LocalTime end = start.plusMinutes(SHIFT_MINUTES);
                if (!lunch.isAfter(start) || !lunch.isBefore(end.minusMinutes(60))) {
                    lunch = start.plusMinutes(SHIFT_MINUTES / 2);
                }
                login = millis(date, start) + jitter(-3, 4);
                logout = millis(date, end) + jitter(0, 3);
                long lunchAt = millis(date, lunch) + jitter(-5, 5);
                long lunchLength = o.lunchLength().toMillis();
                plan.add(
                        activity(
                                a,
                                login + 2 * HOUR + jitter(-15, 15),
                                ActivityKind.BREAK,
                                o.breakLength().toMillis()));
                plan.add(activity(a, lunchAt, ActivityKind.LUNCH, lunchLength));
                plan.add(
                        activity(
                                a,
                                lunchAt + lunchLength + 105 * MINUTE + jitter(-15, 15),
                                ActivityKind.BREAK,
                                o.breakLength().toMillis()));
                if (rng.nextDouble() < o.trainingShare()) {
                    long at = lunchAt + lunchLength + 15 * MINUTE * (1 + rng.nextInt(5));
                    long length = 60 * MINUTE + 15 * MINUTE * rng.nextInt(5);
                    plan.add(activity(a, at, ActivityKind.TRAINING, length));
                }
            }
            Sim in = new Sim(login, Kind.LOGIN);
            in.agent = a;
            agenda.add(in);
            plan.add(activity(a, logout, ActivityKind.LOGOUT, 0));
            agenda.addAll(plan);
        }
    }

    private Sim activity(Agent a, long at, ActivityKind kind, long length) {
        Sim s = new Sim(at, Kind.ACTIVITY_DUE);
        s.agent = a;
        s.activity = new Activity(kind, length);
        return s;
    }

    private long jitter(int minMinutes, int maxMinutes) {
        return (long) ((minMinutes + rng.nextDouble() * (maxMinutes - minMinutes)) * MINUTE);
    }

    // ---------------------------------------------------------------- the event loop

    private void process(Sim s) {
        long t = s.t;
        switch (s.kind) {
            case ARRIVAL -> arrive(s, t);
            case ABANDON -> abandon(s.contact, t);
            case TIMEOUT -> timeout(s.contact, t);
            case TALK_END -> endTalk(s.agent, t);
            case WRAP_END -> endWrapUp(s.agent, t);
            case LOGIN -> agentFree(s.agent, t);
            case ACTIVITY_DUE -> {
                Agent a = s.agent;
                if (a.idle) {
                    a.idle = false;
                    startActivity(a, s.activity, t);
                } else {
                    a.due.add(s.activity);
                }
            }
            case ACTIVITY_END -> agentFree(s.agent, t);
            case CLOSE -> {
                for (Agent a : agents) {
                    if (a.idle) {
                        Contact c = best(backlog, a);
                        if (c != null) {
                            backlog.get(c.queue).remove(c);
                            answer(a, c, t);
                        }
                    }
                }
            }
        }
    }

    private void arrive(Sim s, long t) {
        Channel channel = s.channel;
        Intent intent = s.intent;
        double unidentified =
                switch (channel) {
                    case PHONE, CHAT -> o.unidentifiedShare();
                    case EMAIL, LETTER -> o.unidentifiedShare() / 2;
                    case PORTAL -> 0;
                };
        boolean known = rng.nextDouble() >= unidentified;
        Contact c =
                new Contact(
                        "C" + tag + "-" + (++contactCounter),
                        ++seq,
                        t,
                        channel,
                        intent,
                        s.person,
                        known,
                        s.attempt);
        emit(
                ContactOffered.of(
                        nextEventId(),
                        Instant.ofEpochMilli(t),
                        c.id,
                        channel,
                        c.queue,
                        intent.name(),
                        c.priority,
                        known ? tenantIds[c.person] : null,
                        known ? residenceOf(c.person) : null));
        count(c);
        if (s.attempt > 1) {
            repeats++;
        }
        if (channel.isLive() && (!workingDay || t < openMs || t >= closeMs)) {
            divert(c, t, DivertReason.CLOSED);
            return;
        }
        if (channel.isLive()
                && waiting.get(c.queue).size()
                        >= (channel == Channel.PHONE
                                ? diversions.maxWaitingPhone()
                                : diversions.maxWaitingChat())) {
            divert(c, t, DivertReason.FULL);
            return;
        }
        if (channel == Channel.PHONE) {
            Sim timeout = new Sim(t + diversions.phoneWaitLimit().toMillis(), Kind.TIMEOUT);
            timeout.contact = c;
            agenda.add(timeout);
        }
        if (channel.isLive()) {
            Sim abandon = new Sim(t + patience(channel), Kind.ABANDON);
            abandon.contact = c;
            agenda.add(abandon);
            Agent a = longestIdle(c.queue, 0);
            if (a != null) {
                answer(a, c, t);
            } else {
                waiting.get(c.queue).add(c);
            }
        } else {
            Agent a = longestIdle(c.queue, reserveAt(t));
            if (a != null) {
                answer(a, c, t);
            } else {
                backlog.get(c.queue).add(c);
            }
        }
    }

    private void count(Contact c) {
        offeredByChannel.merge(c.channel, 1L, Long::sum);
        offeredByQueue.merge(c.queue, 1L, Long::sum);
        if (c.channel.isLive()) {
            liveOffered++;
        }
        if (!c.identified) {
            return;
        }
        identified++;
        long key = (long) c.person * 64 + c.intent.ordinal();
        Contact previous = lastOffer.put(key, c);
        if (previous != null && previous.offeredAt > c.offeredAt - DUPLICATE_WINDOW) {
            duplicates++;
            if (previous.abandoned) {
                duplicatesAfterAbandon++;
            }
        }
    }

    private long patience(Channel channel) {
        if (rng.nextDouble() < o.shortAbandonShare()) {
            return 1000 + (long) (rng.nextDouble() * 3900);
        }
        double mean = o.meanPatience().toMillis() * (channel == Channel.CHAT ? 2.0 : 1.0);
        return Math.max(1, (long) (-mean * Math.log(1 - rng.nextDouble())));
    }

    /** The switchboard turns the contact away: closed, queue full, or the wait limit. */
    private void divert(Contact c, long t, DivertReason reason) {
        c.diverted = true;
        emit(ContactDiverted.of(nextEventId(), Instant.ofEpochMilli(t), c.id, reason));
        diverted++;
        if (reason == DivertReason.CLOSED) {
            closedCalls++;
        }
        // turned away, the tenant tries again as after an abandon (a closed-hour caller at the
        // next opening: nextAvailable moves the attempt into the opening hours)
        if (rng.nextDouble() < o.repeatAfterAbandonShare()) {
            planRepeat(c, t + Math.max(30 * SECOND, (long) lognormal(30 * MINUTE, 1.0)));
        }
    }

    /** A phone call still waiting at the wait limit goes to voicemail. */
    private void timeout(Contact c, long t) {
        if (c.answered || c.abandoned || c.diverted) {
            return;
        }
        waiting.get(c.queue).remove(c);
        divert(c, t, DivertReason.TIMEOUT);
    }

    private void abandon(Contact c, long t) {
        if (c.answered || c.diverted) {
            return;
        }
        waiting.get(c.queue).remove(c);
        c.abandoned = true;
        emit(ContactAbandoned.of(nextEventId(), Instant.ofEpochMilli(t), c.id));
        if (t - c.offeredAt < SHORT_ABANDON) {
            shortAbandoned++;
        } else {
            abandoned++;
        }
        if (rng.nextDouble() < o.repeatAfterAbandonShare()) {
            long delay =
                    rng.nextDouble() < 0.8
                            ? (long) lognormal(10 * MINUTE, 1.0)
                            : DAY + (long) (rng.nextDouble() * 2 * DAY);
            planRepeat(c, t + Math.max(30 * SECOND, delay));
        }
    }

    private void answer(Agent a, Contact c, long t) {
        c.answered = true;
        a.idle = false;
        a.current = c;
        answered++;
        emit(ContactAnswered.of(nextEventId(), Instant.ofEpochMilli(t), c.id, a.profile.agentId()));
        setState(a, AgentState.BUSY, t);
        double median =
                ContactModel.medianTalkSeconds(c.intent)
                        * ContactModel.channelTalkFactor(c.channel)
                        * o.talkTimeScale()
                        * SECOND;
        long talk = (long) Math.min(HOUR, Math.max(5 * SECOND, lognormal(median, 0.55)));
        Sim end = new Sim(t + talk, Kind.TALK_END);
        end.agent = a;
        agenda.add(end);
    }

    private void endTalk(Agent a, long t) {
        Contact c = a.current;
        emit(ContactEnded.of(nextEventId(), Instant.ofEpochMilli(t), c.id, a.profile.agentId()));
        setState(a, AgentState.WRAP_UP, t);
        double median = o.medianWrapUp().toMillis() * (c.channel.isDeferred() ? 1.5 : 1.0);
        long wrap = (long) Math.min(20 * MINUTE, Math.max(SECOND, lognormal(median, 0.5)));
        Sim end = new Sim(t + wrap, Kind.WRAP_END);
        end.agent = a;
        agenda.add(end);
    }

    private void endWrapUp(Agent a, long t) {
        Contact c = a.current;
        if (rng.nextDouble() < ContactModel.handoffShare(c.intent)) {
            String handoffId = "H" + tag + "-" + (++handoffCounter);
            HandoffTarget target = ContactModel.handoffTarget(c.intent, rng.nextDouble());
            emit(
                    HandoffCreated.of(
                            nextEventId(),
                            Instant.ofEpochMilli(t),
                            c.id,
                            handoffId,
                            target,
                            c.identified ? residenceOf(c.person) : null));
            handoffsCreated++;
            long closing =
                    (long)
                            Math.max(
                                    30 * MINUTE,
                                    lognormal(
                                            ContactModel.medianClosingHours(c.intent) * HOUR, 0.8));
            Stamped closed =
                    new Stamped(
                            t + closing,
                            ++seq,
                            HandoffClosed.of(
                                    nextEventId(), Instant.ofEpochMilli(t + closing), handoffId));
            outbox.add(closed);
            if (closing > 3 * DAY && rng.nextDouble() < 0.25) {
                planRepeat(c, t + DAY + (long) (rng.nextDouble() * (closing - DAY)));
            }
        } else if (rng.nextDouble() < o.unresolvedShare()) {
            long delay = (long) Math.min(6 * DAY, lognormal(30 * HOUR, 0.7));
            planRepeat(c, t + Math.max(HOUR, delay));
        }
        emit(WrapupEnded.of(nextEventId(), Instant.ofEpochMilli(t), c.id, a.profile.agentId()));
        a.current = null;
        agentFree(a, t);
    }

    private void agentFree(Agent a, long t) {
        if (!a.due.isEmpty()) {
            startActivity(a, a.due.poll(), t);
            return;
        }
        setState(a, AgentState.READY, t);
        Contact live = best(waiting, a);
        if (live != null) {
            waiting.get(live.queue).remove(live);
            answer(a, live, t);
            return;
        }
        if (idleCount() >= reserveAt(t)) {
            Contact deferred = best(backlog, a);
            if (deferred != null) {
                backlog.get(deferred.queue).remove(deferred);
                answer(a, deferred, t);
                return;
            }
        }
        a.idle = true;
        a.idleSince = t;
    }

    private void startActivity(Agent a, Activity act, long t) {
        switch (act.kind) {
            case LOGOUT -> {
                setState(a, AgentState.LOGGED_OUT, t);
                a.due.clear();
            }
            case LUNCH -> {
                setState(a, AgentState.LOGGED_OUT, t);
                scheduleActivityEnd(a, act, t);
            }
            case BREAK, TRAINING -> {
                setState(a, AgentState.NOT_READY, t);
                scheduleActivityEnd(a, act, t);
            }
        }
    }

    private void scheduleActivityEnd(Agent a, Activity act, long t) {
        Sim end = new Sim(t + act.length, Kind.ACTIVITY_END);
        end.agent = a;
        agenda.add(end);
    }

    private void setState(Agent a, AgentState state, long t) {
        if (a.state != state) {
            a.state = state;
            emit(
                    AgentStateChanged.of(
                            nextEventId(),
                            Instant.ofEpochMilli(t),
                            a.profile.agentId(),
                            a.profile.team(),
                            state));
        }
    }

    private void planRepeat(Contact c, long at) {
        if (c.attempt >= o.maxAttempts()) {
            return;
        }
        Channel channel = c.channel;
        if (rng.nextDouble() < o.otherChannelRepeatShare()) {
            channel = otherChannel(c.channel);
        }
        Sim s = new Sim(nextAvailable(channel, at), Kind.ARRIVAL);
        s.channel = channel;
        s.intent = c.intent;
        s.person = c.person;
        s.attempt = c.attempt + 1;
        if (s.t < dayEnd) {
            agenda.add(s);
        } else {
            laterArrivals.add(s);
        }
    }

    private Channel otherChannel(Channel from) {
        Channel[] all = {Channel.PHONE, Channel.EMAIL, Channel.PORTAL, Channel.CHAT};
        double[] weights = {5, 2, 2, 1};
        double sum = 0;
        for (int i = 0; i < all.length; i++) {
            sum += all[i] == from ? 0 : weights[i];
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == from) {
                continue;
            }
            u -= weights[i];
            if (u < 0) {
                return all[i];
            }
        }
        return Channel.PHONE;
    }

    /** The first time at or after {@code t} when a contact can arrive on the channel. */
    private long nextAvailable(Channel channel, long t) {
        if (!channel.isLive() && channel != Channel.LETTER) {
            return t;
        }
        LocalTime from = channel == Channel.LETTER ? LocalTime.of(9, 0) : o.opens();
        LocalTime to = channel == Channel.LETTER ? LocalTime.of(11, 0) : o.closes();
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(o.zone());
        LocalDate date = z.toLocalDate();
        if (ContactModel.isWorkingDay(date)) {
            long open = millis(date, from);
            long close = millis(date, to);
            if (t >= open && t < close) {
                return t;
            }
            if (t < open) {
                return open + (long) (rng.nextDouble() * Math.min(90 * MINUTE, close - open));
            }
        }
        do {
            date = date.plusDays(1);
        } while (!ContactModel.isWorkingDay(date));
        long open = millis(date, from);
        long close = millis(date, to);
        return open + (long) (rng.nextDouble() * Math.min(90 * MINUTE, close - open));
    }

    // ---------------------------------------------------------------- helpers

    private int reserveAt(long t) {
        return workingDay && t >= openMs && t < closeMs ? o.liveReserve() : 0;
    }

    private int idleCount() {
        int n = 0;
        for (Agent a : agents) {
            if (a.idle) {
                n++;
            }
        }
        return n;
    }

    /** The longest-idle agent trained in {@code queue}, if more than {@code reserve} are idle. */
    private Agent longestIdle(String queue, int reserve) {
        Agent best = null;
        int idle = 0;
        for (Agent a : agents) {
            if (!a.idle) {
                continue;
            }
            idle++;
            if (a.profile.trainedIn(queue) && (best == null || a.idleSince < best.idleSince)) {
                best = a;
            }
        }
        return best != null && idle - 1 >= reserve ? best : null;
    }

    private static Contact best(Map<String, TreeSet<Contact>> queues, Agent a) {
        Contact best = null;
        for (String q : a.profile.skills()) {
            TreeSet<Contact> set = queues.get(q);
            if (set != null && !set.isEmpty()) {
                Contact head = set.first();
                if (best == null || SERVICE_ORDER.compare(head, best) < 0) {
                    best = head;
                }
            }
        }
        return best;
    }

    private void emit(InteractionEvent e) {
        outbox.add(new Stamped(e.tsMillis(), ++seq, e));
    }

    /**
     * A fresh event id, its counter zero-padded: ids then sort in emission order, the order the KPI
     * job uses for events of one agent at the same millisecond (READY and BUSY when a waiting call
     * is taken at once).
     */
    private String nextEventId() {
        String n = Long.toString(++eventCounter);
        return "E" + tag + "-" + "0".repeat(Math.max(0, 10 - n.length())) + n;
    }

    private String residenceOf(int person) {
        return String.format(Locale.ROOT, "RES-%04d", person / o.homesPerResidence() + 1);
    }

    private long millis(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(o.zone()).toInstant().toEpochMilli();
    }

    private double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    private int pick(double[] cumulative, double total) {
        double u = rng.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A bijection of [0, 2^40): distinct people always get distinct pseudonymous ids. */
    static long permute40(long x, long salt) {
        long mask = (1L << 40) - 1;
        x = (x * 0x9E3779B97FL + salt) & mask; // odd multiplier: bijective modulo 2^40
        x ^= x >>> 20;
        x = (x * 0xD6E8FEB865L) & mask;
        x ^= x >>> 17;
        x = (x * 0x5851F42D4DL) & mask;
        x ^= x >>> 21;
        return x;
    }

    // ---------------------------------------------------------------- state

    private enum Kind {
        ARRIVAL,
        ABANDON,
        TIMEOUT,
        TALK_END,
        WRAP_END,
        LOGIN,
        ACTIVITY_DUE,
        ACTIVITY_END,
        CLOSE
    }

    private enum ActivityKind {
        BREAK,
        LUNCH,
        TRAINING,
        LOGOUT
    }

    private record Activity(ActivityKind kind, long length) {}

    private record Stamped(long ts, long seq, InteractionEvent event)
            implements Comparable<Stamped> {
        @Override
        public int compareTo(Stamped other) {
            int c = Long.compare(ts, other.ts);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }

    private final class Sim implements Comparable<Sim> {
        final long t;
        final long seq;
        final Kind kind;
        Agent agent;
        Contact contact;
        Activity activity;
        Channel channel;
        Intent intent;
        int person;
        int attempt;

        Sim(long t, Kind kind) {
            this.t = t;
            this.seq = ++ContactCentreSimulator.this.seq;
            this.kind = kind;
        }

        @Override
        public int compareTo(Sim other) {
            int c = Long.compare(t, other.t);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }

    private static final class Contact {
        final String id;
        final long seq;
        final long offeredAt;
        final Channel channel;
        final Intent intent;
        final String queue;
        final int priority;
        final int person;
        final boolean identified;
        final int attempt;
        boolean answered;
        boolean abandoned;
        boolean diverted;

        Contact(
                String id,
                long seq,
                long offeredAt,
                Channel channel,
                Intent intent,
                int person,
                boolean identified,
                int attempt) {
            this.id = id;
            this.seq = seq;
            this.offeredAt = offeredAt;
            this.channel = channel;
            this.intent = intent;
            this.queue = intent.usualQueue();
            this.priority = intent.usualPriority();
            this.person = person;
            this.identified = identified;
            this.attempt = attempt;
        }
    }

    private static final class Agent {
        final AgentProfile profile;
        final int index;
        final ArrayDeque<Activity> due = new ArrayDeque<>();
        AgentState state = AgentState.LOGGED_OUT;
        boolean idle;
        long idleSince;
        Contact current;

        Agent(AgentProfile profile, int index) {
            this.profile = profile;
            this.index = index;
        }
    }
}
