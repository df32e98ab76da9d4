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
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import fr.joignable.domain.io.Progress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A discrete-event simulation of an OPH contact centre that emits the interaction events a
 * landlord's telephony and ticketing systems would ({@code docs/events.md}).
 *
 * <p>The simulation runs one local calendar day after another, so a year streams out without being
 * held in memory. Each day it draws the first contacts of every channel ({@link ArrivalProcess}),
 * plans every agent's shift ({@link RandomShifts}, or {@link ScheduledShifts} from a schedule
 * file), then plays the day's {@link Agenda} event by event: contacts are offered, turned away by
 * the switchboard ({@link Diversions}), routed ({@link Router}), answered, abandoned when the
 * caller's patience runs out, wrapped up and handed off ({@link ServiceTimes}, {@link Handoffs});
 * tenants come back ({@link Repeats}); agents log in, take their breaks and log out ({@link
 * Activity}). What crosses midnight carries over: the backlog, repeats planned for later days,
 * handoffs closed later. The events go through an {@link EventOutbox} and are delivered once their
 * day is played.
 *
 * <p>Events are emitted in {@code ts} order (equal times in the order they happened). The run is
 * deterministic: the same options (seed included) give the same events, every random draw coming
 * from one {@link Draws} in a fixed order. An instance runs once.
 */
public final class ContactCentreSimulator {

    private final SimulatorOptions o;
    private final SimulatedRoster roster;
    private final Diversions diversions = Diversions.DEFAULTS;
    private final Draws draws;
    private final Identifiers ids;
    private final AgentPool pool;
    private final Router router;
    private final Shifts shifts;
    private final ArrivalProcess arrivals;
    private final ServiceTimes times;
    private final Handoffs handoffs;
    private final Repeats repeats;
    private final Agenda agenda = new Agenda();
    private final EventOutbox outbox = new EventOutbox();
    private final Tally tally = new Tally();

    private boolean ran;

    /** The day being played. */
    private CentreDay day;

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
        this.o = Objects.requireNonNull(options, "options");
        this.roster = SimulatedRoster.of(options);
        this.draws = new Draws(options.seed());
        this.ids = new Identifiers(options);
        this.pool = new AgentPool(roster);
        this.router = new Router(pool, SimulatedRoster.QUEUES);
        this.shifts =
                schedule == null
                        ? new RandomShifts(options, draws)
                        : new ScheduledShifts(schedule, options.zone());
        this.arrivals = new ArrivalProcess(options, diversions, draws);
        this.times = new ServiceTimes(options, draws);
        this.handoffs = new Handoffs(draws);
        this.repeats = new Repeats(options, draws);
    }

    public SimulatedRoster roster() {
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
        Consumer<InteractionEvent> counted =
                e -> {
                    tally.delivered(e);
                    sink.accept(e);
                };
        try {
            for (int d = 0; d < days; d++) {
                playDay(start.plusDays(d), counted);
                progress.update(d + 1, days);
            }
        } finally {
            progress.finish();
        }
        return tally.summary(pool.size(), router.backlogSize());
    }

    // ---------------------------------------------------------------- one day

    private void playDay(LocalDate date, Consumer<InteractionEvent> sink) {
        day = CentreDay.of(date, o);
        agenda.startDay(day.end());
        for (Arrival a : arrivals.day(day)) {
            agenda.arrivalAt(a);
        }
        if (shifts.staffs(date)) {
            planShifts(date);
            agenda.at(day.closes(), new Happening.Closes());
        }
        while (!agenda.isEmpty()) {
            Agenda.Entry next = agenda.next();
            happen(next.what(), next.at());
        }
        tally.forgetOffersUntil(day.end() - Tally.DUPLICATE_WINDOW);
        outbox.deliverBefore(day.end(), sink);
    }

    private void planShifts(LocalDate date) {
        for (Agent a : pool.agents()) {
            a.due.clear();
            ShiftPlan shift = shifts.shiftOf(a.profile, a.position, date).orElse(null);
            if (shift == null) {
                continue;
            }
            // the order of these entries breaks ties: activities, login, logout
            for (Activity act : shift.activities()) {
                agenda.at(act.due().toEpochMilli(), new Happening.ActivityDue(a, act));
            }
            agenda.at(shift.login().toEpochMilli(), new Happening.LogsIn(a));
            Activity logout = Activity.logout(shift.logout());
            agenda.at(logout.due().toEpochMilli(), new Happening.ActivityDue(a, logout));
        }
    }

    // ---------------------------------------------------------------- the event loop

    private void happen(Happening h, long t) {
        if (h instanceof Arrival a) {
            offer(a, t);
        } else if (h instanceof Happening.PatienceEnds p) {
            abandon(p.contact(), t);
        } else if (h instanceof Happening.WaitLimit w) {
            voicemail(w.contact(), t);
        } else if (h instanceof Happening.TalkEnds e) {
            endTalk(e.agent(), t);
        } else if (h instanceof Happening.WrapUpEnds e) {
            endWrapUp(e.agent(), t);
        } else if (h instanceof Happening.LogsIn l) {
            agentFree(l.agent(), t);
        } else if (h instanceof Happening.ActivityDue d) {
            Agent a = d.agent();
            if (a.idle) {
                a.idle = false;
                startActivity(a, d.activity(), t);
            } else {
                a.due.add(d.activity());
            }
        } else if (h instanceof Happening.ActivityEnds e) {
            agentFree(e.agent(), t);
        } else if (h instanceof Happening.Closes) {
            // after closing no reserve is kept for calls: idle agents open the backlog
            for (Agent a : pool.agents()) {
                if (a.idle) {
                    Contact c = router.takeDeferred(a);
                    if (c != null) {
                        answer(a, c, t);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- contacts

    private void offer(Arrival s, long t) {
        Channel channel = s.channel();
        double unidentified =
                switch (channel) {
                    case PHONE, CHAT -> o.unidentifiedShare();
                    case EMAIL, LETTER -> o.unidentifiedShare() / 2;
                    case PORTAL -> 0;
                };
        boolean known = !draws.chance(unidentified);
        long number = ids.nextContactNumber();
        Contact c =
                new Contact(
                        ids.contactId(number),
                        number,
                        t,
                        channel,
                        s.intent(),
                        s.person(),
                        known,
                        s.attempt());
        emit(
                ContactOffered.of(
                        ids.nextEventId(),
                        Instant.ofEpochMilli(t),
                        c.id,
                        channel,
                        c.queue,
                        c.intent.name(),
                        c.priority,
                        known ? ids.tenantId(c.person) : null,
                        known ? ids.residenceId(c.person) : null));
        tally.offered(c);
        if (channel.isLive() && !day.isOpen(t)) {
            divert(c, t, DivertReason.CLOSED);
            return;
        }
        if (channel.isLive()
                && router.waitingIn(c.queue)
                        >= (channel == Channel.PHONE
                                ? diversions.maxWaitingPhone()
                                : diversions.maxWaitingChat())) {
            divert(c, t, DivertReason.FULL);
            return;
        }
        if (channel == Channel.PHONE) {
            agenda.at(t + diversions.phoneWaitLimit().toMillis(), new Happening.WaitLimit(c));
        }
        if (channel.isLive()) {
            agenda.at(t + times.patience(channel), new Happening.PatienceEnds(c));
            Agent a = router.agentFor(c.queue, 0);
            if (a != null) {
                answer(a, c, t);
            } else {
                router.hold(c);
            }
        } else {
            Agent a = router.agentFor(c.queue, reserveAt(t));
            if (a != null) {
                answer(a, c, t);
            } else {
                router.defer(c);
            }
        }
    }

    /** The switchboard turns the contact away: closed, queue full, or the wait limit. */
    private void divert(Contact c, long t, DivertReason reason) {
        c.end(Contact.Outcome.DIVERTED);
        emit(ContactDiverted.of(ids.nextEventId(), Instant.ofEpochMilli(t), c.id, reason));
        tally.diverted(reason);
        // turned away, the tenant tries again as after an abandon (a closed-hour caller at the
        // next opening: the repeat is moved into the opening hours)
        plan(repeats.afterDiversion(c, t));
    }

    /** A phone call still waiting at the wait limit goes to voicemail. */
    private void voicemail(Contact c, long t) {
        if (c.outcome() != Contact.Outcome.PENDING) {
            return;
        }
        router.withdraw(c);
        divert(c, t, DivertReason.TIMEOUT);
    }

    private void abandon(Contact c, long t) {
        if (c.outcome() == Contact.Outcome.ANSWERED || c.outcome() == Contact.Outcome.DIVERTED) {
            return;
        }
        router.withdraw(c);
        c.end(Contact.Outcome.ABANDONED);
        emit(ContactAbandoned.of(ids.nextEventId(), Instant.ofEpochMilli(t), c.id));
        tally.abandoned(t - c.offeredAt);
        plan(repeats.afterAbandon(c, t));
    }

    private void answer(Agent a, Contact c, long t) {
        c.end(Contact.Outcome.ANSWERED);
        a.idle = false;
        a.current = c;
        tally.answered();
        emit(ContactAnswered.of(ids.nextEventId(), Instant.ofEpochMilli(t), c.id, a.id()));
        setState(a, AgentState.BUSY, t);
        agenda.at(t + times.talk(c), new Happening.TalkEnds(a));
    }

    private void endTalk(Agent a, long t) {
        Contact c = a.current;
        emit(ContactEnded.of(ids.nextEventId(), Instant.ofEpochMilli(t), c.id, a.id()));
        setState(a, AgentState.WRAP_UP, t);
        agenda.at(t + times.wrapUp(c), new Happening.WrapUpEnds(a));
    }

    private void endWrapUp(Agent a, long t) {
        Contact c = a.current;
        Handoffs.Handoff handoff = handoffs.of(c);
        if (handoff != null) {
            String handoffId = ids.nextHandoffId();
            emit(
                    HandoffCreated.of(
                            ids.nextEventId(),
                            Instant.ofEpochMilli(t),
                            c.id,
                            handoffId,
                            handoff.target(),
                            c.identified ? ids.residenceId(c.person) : null));
            tally.handoffCreated();
            long closedAt = t + handoff.closesAfter();
            emit(HandoffClosed.of(ids.nextEventId(), Instant.ofEpochMilli(closedAt), handoffId));
            plan(repeats.afterHandoff(c, t, handoff.closesAfter()));
        } else {
            plan(repeats.afterAnswer(c, t));
        }
        emit(WrapupEnded.of(ids.nextEventId(), Instant.ofEpochMilli(t), c.id, a.id()));
        a.current = null;
        agentFree(a, t);
    }

    private void plan(Arrival repeat) {
        if (repeat != null) {
            agenda.arrivalAt(repeat);
        }
    }

    // ---------------------------------------------------------------- agents

    /** The agent is free: a due activity first, then a waiting contact, then deferred work. */
    private void agentFree(Agent a, long t) {
        if (!a.due.isEmpty()) {
            startActivity(a, a.due.poll(), t);
            return;
        }
        setState(a, AgentState.READY, t);
        Contact live = router.takeWaiting(a);
        if (live != null) {
            answer(a, live, t);
            return;
        }
        if (pool.idleCount() >= reserveAt(t)) {
            Contact deferred = router.takeDeferred(a);
            if (deferred != null) {
                answer(a, deferred, t);
                return;
            }
        }
        a.idle = true;
        a.idleSince = t;
    }

    private void startActivity(Agent a, Activity act, long t) {
        switch (act.kind()) {
            case LOGOUT -> {
                setState(a, AgentState.LOGGED_OUT, t);
                a.due.clear();
            }
            case LUNCH -> {
                setState(a, AgentState.LOGGED_OUT, t);
                agenda.at(t + act.length().toMillis(), new Happening.ActivityEnds(a));
            }
            case BREAK, TRAINING -> {
                setState(a, AgentState.NOT_READY, t);
                agenda.at(t + act.length().toMillis(), new Happening.ActivityEnds(a));
            }
        }
    }

    private void setState(Agent a, AgentState state, long t) {
        if (a.state != state) {
            a.state = state;
            emit(
                    AgentStateChanged.of(
                            ids.nextEventId(),
                            Instant.ofEpochMilli(t),
                            a.id(),
                            a.profile.team(),
                            state));
        }
    }

    /** Agents kept READY for live contacts before anyone opens deferred work: in opening hours. */
    private int reserveAt(long t) {
        return day.isOpen(t) ? o.liveReserve() : 0;
    }

    private void emit(InteractionEvent e) {
        outbox.emit(e);
    }
}
