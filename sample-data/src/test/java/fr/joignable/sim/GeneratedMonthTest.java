package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.Intent;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import fr.joignable.domain.time.FrenchPublicHolidays;
import fr.joignable.domain.time.Intervals;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invariants of {@code docs/events.md} and of the brief, on one generated month. */
class GeneratedMonthTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate START = LocalDate.of(2026, 10, 5);
    private static final int DAYS = 28;

    private static SimulatorOptions options;
    private static SimulationFixtures.Run run;
    private static List<InteractionEvent> events;
    private static Map<String, AgentProfile> roster;

    @BeforeAll
    static void generate() {
        options = SimulatorOptions.defaults().withSeed(20261005L);
        run = SimulationFixtures.run(options, START, DAYS);
        events = run.events();
        roster =
                SimulatedRoster.of(options).agents().stream()
                        .collect(Collectors.toMap(AgentProfile::agentId, a -> a));
    }

    @Test
    void everyLineDecodesAndIdsAreUnique() {
        long rejected =
                run.lines().stream()
                        .map(EventCodec.instance()::decode)
                        .filter(d -> d instanceof Decoded.Rejected)
                        .count();
        assertThat(rejected).isZero();
        assertThat(events).hasSize(run.lines().size());
        assertThat(run.summary().events()).isEqualTo(events.size());
        Set<String> ids = new HashSet<>();
        for (InteractionEvent e : events) {
            assertThat(ids.add(e.eventId())).as("unique eventId %s", e.eventId()).isTrue();
        }
    }

    @Test
    void outputIsSortedByTimeAndStaysInThePeriod() {
        long from = START.atStartOfDay(PARIS).toInstant().toEpochMilli();
        long to = START.plusDays(DAYS).atStartOfDay(PARIS).toInstant().toEpochMilli();
        long previous = Long.MIN_VALUE;
        for (InteractionEvent e : events) {
            assertThat(e.tsMillis()).isGreaterThanOrEqualTo(previous).isBetween(from, to - 1);
            previous = e.tsMillis();
        }
    }

    @Test
    void everyContactFollowsItsLifecycle() {
        Map<String, List<InteractionEvent>> byContact = new HashMap<>();
        for (InteractionEvent e : events) {
            String id = contactId(e);
            if (id != null) {
                byContact.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            }
        }
        int answeredLive = 0;
        int closedSeen = 0;
        for (List<InteractionEvent> list : byContact.values()) {
            assertThat(list.get(0)).isInstanceOf(ContactOffered.class);
            ContactOffered offered = (ContactOffered) list.get(0);
            List<EventType> types = list.stream().map(InteractionEvent::type).toList();
            assertThat(types.stream().filter(t -> t == EventType.CONTACT_OFFERED)).hasSize(1);
            boolean answered = types.contains(EventType.CONTACT_ANSWERED);
            boolean abandoned = types.contains(EventType.CONTACT_ABANDONED);
            assertThat(answered && abandoned).as("answered and abandoned").isFalse();
            if (offered.channel().isDeferred()) {
                assertThat(abandoned).isFalse();
            }
            if (abandoned) {
                assertThat(types)
                        .containsExactly(EventType.CONTACT_OFFERED, EventType.CONTACT_ABANDONED);
                continue;
            }
            if (types.contains(EventType.CONTACT_DIVERTED)) {
                assertThat(offered.channel().isLive()).isTrue();
                assertThat(types)
                        .containsExactly(EventType.CONTACT_OFFERED, EventType.CONTACT_DIVERTED);
                ContactDiverted d = (ContactDiverted) list.get(1);
                long waitMs = d.tsMillis() - offered.tsMillis();
                LocalTime local = offered.ts().atZone(Intervals.PARIS).toLocalTime();
                switch (d.reason()) {
                    case CLOSED -> {
                        assertThat(waitMs).isZero();
                        assertThat(local)
                                .matches(
                                        l ->
                                                l.isBefore(options.opens())
                                                        || !l.isBefore(options.closes()),
                                        "outside the opening hours");
                        closedSeen++;
                    }
                    case FULL -> assertThat(waitMs).isZero();
                    case TIMEOUT -> {
                        assertThat(offered.channel()).isEqualTo(Channel.PHONE);
                        assertThat(waitMs)
                                .isEqualTo(Diversions.DEFAULTS.phoneWaitLimit().toMillis());
                    }
                    default -> throw new AssertionError("unexpected reason " + d.reason());
                }
                continue;
            }
            if (!answered) {
                assertThat(types).containsExactly(EventType.CONTACT_OFFERED); // still in backlog
                continue;
            }
            if (offered.channel().isLive()) {
                answeredLive++;
            }
            List<EventType> core =
                    types.stream().filter(t -> t != EventType.HANDOFF_CREATED).toList();
            assertThat(core)
                    .containsExactly(
                            EventType.CONTACT_OFFERED,
                            EventType.CONTACT_ANSWERED,
                            EventType.CONTACT_ENDED,
                            EventType.WRAPUP_ENDED);
            String agent = ((ContactAnswered) list.get(1)).agentId();
            for (InteractionEvent e : list) {
                if (e instanceof ContactEnded ended) {
                    assertThat(ended.agentId()).isEqualTo(agent);
                } else if (e instanceof WrapupEnded w) {
                    assertThat(w.agentId()).isEqualTo(agent);
                }
            }
            assertThat(roster.get(agent).trainedIn(offered.queue())).isTrue();
        }
        assertThat(answeredLive).isGreaterThan(10_000);
        assertThat(closedSeen).isEqualTo(run.summary().closedCalls()).isPositive();
    }

    @Test
    void agentsAreBusyOnOneContactAtATimeAndLogOutEveryDay() {
        Map<String, AgentState> state = new HashMap<>();
        Map<String, String> onContact = new HashMap<>();
        Map<String, Long> answeredAt = new HashMap<>();
        Map<String, String> contactQueue = new HashMap<>();
        Map<String, Map<LocalDate, AgentState>> lastOfDay = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            InteractionEvent e = events.get(i);
            if (e instanceof ContactOffered o) {
                contactQueue.put(o.contactId(), o.queue());
            } else if (e instanceof ContactAnswered a) {
                String agent = a.agentId();
                assertThat(onContact.get(agent)).as("%s busy twice", agent).isNull();
                assertThat(state.getOrDefault(agent, AgentState.LOGGED_OUT))
                        .as("answering agent state")
                        .isEqualTo(AgentState.READY);
                assertThat(roster.get(agent).trainedIn(contactQueue.get(a.contactId()))).isTrue();
                onContact.put(agent, a.contactId());
                answeredAt.put(agent, a.tsMillis());
                // the agent's BUSY state follows at the same time
                InteractionEvent next = events.get(i + 1);
                assertThat(next).isInstanceOf(AgentStateChanged.class);
                AgentStateChanged busy = (AgentStateChanged) next;
                assertThat(busy.agentId()).isEqualTo(agent);
                assertThat(busy.state()).isEqualTo(AgentState.BUSY);
                assertThat(busy.tsMillis()).isEqualTo(a.tsMillis());
            } else if (e instanceof ContactEnded c) {
                assertThat(onContact.get(c.agentId())).isEqualTo(c.contactId());
                assertThat(state.get(c.agentId())).isEqualTo(AgentState.BUSY);
                InteractionEvent next = events.get(i + 1);
                assertThat(next).isInstanceOf(AgentStateChanged.class);
                assertThat(((AgentStateChanged) next).state()).isEqualTo(AgentState.WRAP_UP);
                assertThat(next.tsMillis()).isEqualTo(c.tsMillis());
            } else if (e instanceof WrapupEnded w) {
                assertThat(onContact.remove(w.agentId())).isEqualTo(w.contactId());
                assertThat(state.get(w.agentId())).isEqualTo(AgentState.WRAP_UP);
            } else if (e instanceof AgentStateChanged s) {
                AgentState before = state.getOrDefault(s.agentId(), AgentState.LOGGED_OUT);
                assertThat(s.state()).as("state change").isNotEqualTo(before);
                assertThat(s.team()).isEqualTo(roster.get(s.agentId()).team());
                if (before == AgentState.WRAP_UP) {
                    assertThat(s.state())
                            .isIn(AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT);
                    assertThat(onContact).doesNotContainKey(s.agentId());
                }
                if (s.state() == AgentState.BUSY) {
                    assertThat(onContact).containsKey(s.agentId());
                }
                if (s.state() == AgentState.LOGGED_OUT
                        || s.state() == AgentState.NOT_READY
                        || s.state() == AgentState.READY) {
                    assertThat(onContact).doesNotContainKey(s.agentId());
                }
                state.put(s.agentId(), s.state());
                lastOfDay
                        .computeIfAbsent(s.agentId(), k -> new HashMap<>())
                        .put(localDate(s.ts()), s.state());
            }
        }
        assertThat(onContact).isEmpty();
        assertThat(lastOfDay).hasSizeGreaterThanOrEqualTo(options.agents() - 1);
        for (Map<LocalDate, AgentState> days : lastOfDay.values()) {
            assertThat(days.values()).containsOnly(AgentState.LOGGED_OUT);
        }
    }

    @Test
    void liveContactsArriveInOpeningHoursOnWorkingDaysOnly() {
        Set<LocalDate> daysWithDeferred = new HashSet<>();
        Set<String> closed = closedContacts(events);
        for (InteractionEvent e : events) {
            if (!(e instanceof ContactOffered o) || closed.contains(o.contactId())) {
                continue; // a call while closed is turned away (CONTACT_DIVERTED CLOSED)
            }
            ZonedDateTime local = o.ts().atZone(PARIS);
            LocalDate day = local.toLocalDate();
            boolean working =
                    day.getDayOfWeek().getValue() <= 5 && !FrenchPublicHolidays.isHoliday(day);
            if (o.channel().isLive()) {
                assertThat(working).as("live contact on %s", day).isTrue();
                assertThat(local.toLocalTime())
                        .isAfterOrEqualTo(LocalTime.of(8, 30))
                        .isBefore(LocalTime.of(17, 30));
            } else if (o.channel() == Channel.LETTER) {
                assertThat(working).isTrue();
            } else {
                daysWithDeferred.add(day);
            }
        }
        // emails and portal requests arrive every day, weekends included
        assertThat(daysWithDeferred).hasSize(DAYS);
    }

    @Test
    void volumesAndSharesLookLikeAnOphOfThirtyThousandHomes() {
        SimulationSummary s = run.summary();
        long phone = s.offeredByChannel().get(Channel.PHONE);
        assertThat(phone).isBetween(11_000L, 18_000L);
        assertThat(s.offeredByChannel()).containsKeys(Channel.values());
        assertThat(s.offeredByQueue()).containsOnlyKeys(SimulatedRoster.QUEUES);
        double abandonShare = (double) (s.abandoned() + s.shortAbandoned()) / s.liveOffered();
        assertThat(abandonShare).isBetween(0.03, 0.25);
        assertThat(s.shortAbandoned()).isPositive();
        double unidentified = 1 - (double) s.identified() / s.offered();
        assertThat(unidentified).isBetween(0.10, 0.25);
        assertThat(s.duplicates()).isPositive();
        assertThat(s.duplicatesAfterAbandon()).isPositive().isLessThan(s.duplicates());
        assertThat(s.handoffsCreated()).isPositive();
        assertThat(s.handoffsClosed()).isPositive().isLessThanOrEqualTo(s.handoffsCreated());
        // the switchboard turns away a few per cent: closed-hour calls (4 % of the phone volume
        // by default), and the odd full queue or voicemail at the peaks
        assertThat(s.closedCalls()).isPositive().isLessThanOrEqualTo(s.diverted());
        assertThat((double) s.closedCalls() / phone).isBetween(0.02, 0.07);
        assertThat((double) s.diverted() / s.liveOffered()).isLessThan(0.10);
    }

    @Test
    void handoffsComeFromAnsweredTechnicalContactsAndCloseLater() {
        Map<String, ContactOffered> offers = new HashMap<>();
        Map<String, HandoffCreated> created = new HashMap<>();
        int closed = 0;
        for (InteractionEvent e : events) {
            if (e instanceof ContactOffered o) {
                offers.put(o.contactId(), o);
            } else if (e instanceof HandoffCreated h) {
                assertThat(offers).containsKey(h.contactId());
                assertThat(created.put(h.handoffId(), h)).isNull();
            } else if (e instanceof HandoffClosed c) {
                HandoffCreated h = created.get(c.handoffId());
                assertThat(h).as("closed before created").isNotNull();
                assertThat(c.tsMillis() - h.tsMillis()).isGreaterThanOrEqualTo(30 * 60_000L);
                closed++;
            }
        }
        assertThat(closed).isPositive();
        long technical =
                created.values().stream()
                        .map(h -> offers.get(h.contactId()).queue())
                        .filter("TECHNIQUE"::equals)
                        .count();
        assertThat(technical).isGreaterThan(created.size() / 2);
    }

    @Test
    void repeatsBringTheSameTenantBackWithTheSameIntent() {
        Map<String, Set<Channel>> channelsPerRequest = new HashMap<>();
        Map<String, Integer> contactsPerRequest = new HashMap<>();
        for (InteractionEvent e : events) {
            if (e instanceof ContactOffered o && o.tenantId() != null) {
                assertThat(o.tenantId()).matches("T[0-9a-f]{10}");
                assertThat(o.residenceId()).matches("RES-\\d{4}");
                String key = o.tenantId() + "/" + o.intent();
                contactsPerRequest.merge(key, 1, Integer::sum);
                channelsPerRequest.computeIfAbsent(key, k -> new HashSet<>()).add(o.channel());
                assertThat(o.priority()).isEqualTo(Intent.valueOf(o.intent()).usualPriority());
                assertThat(o.queue()).isEqualTo(Intent.valueOf(o.intent()).usualQueue());
            }
        }
        long repeated = contactsPerRequest.values().stream().filter(n -> n > 1).count();
        long crossChannel = channelsPerRequest.values().stream().filter(c -> c.size() > 1).count();
        assertThat(repeated).isGreaterThan(500);
        assertThat(crossChannel).isGreaterThan(50);
    }

    @Test
    void mondaysAndMorningsPeak() {
        Map<DayOfWeek, Integer> perWeekday = new HashMap<>();
        int morning = 0;
        int afternoon = 0;
        for (InteractionEvent e : events) {
            if (e instanceof ContactOffered o && o.channel() == Channel.PHONE) {
                ZonedDateTime local = o.ts().atZone(PARIS);
                perWeekday.merge(local.getDayOfWeek(), 1, Integer::sum);
                LocalTime t = local.toLocalTime();
                if (!t.isBefore(LocalTime.of(9, 0)) && t.isBefore(LocalTime.of(11, 0))) {
                    morning++;
                } else if (!t.isBefore(LocalTime.of(15, 30)) && t.isBefore(LocalTime.of(17, 30))) {
                    afternoon++;
                }
            }
        }
        assertThat(perWeekday.get(DayOfWeek.MONDAY))
                .isGreaterThan(perWeekday.get(DayOfWeek.FRIDAY));
        assertThat(morning).isGreaterThan(2 * afternoon);
    }

    @Test
    void staffingFollowsTheShiftsThroughTheDay() {
        // Agents logged in (any state but LOGGED_OUT) on Monday 12 October 2026.
        LocalDate monday = LocalDate.of(2026, 10, 12);
        long at0830 = monday.atTime(8, 35).atZone(PARIS).toInstant().toEpochMilli();
        long at1030 = monday.atTime(10, 30).atZone(PARIS).toInstant().toEpochMilli();
        long at1715 = monday.atTime(17, 15).atZone(PARIS).toInstant().toEpochMilli();
        long at1900 = monday.atTime(19, 0).atZone(PARIS).toInstant().toEpochMilli();
        assertThat(loggedInAt(at1030)).isGreaterThan(loggedInAt(at1715));
        assertThat(loggedInAt(at1030)).isGreaterThan(loggedInAt(at0830));
        assertThat(loggedInAt(at1715)).isPositive();
        assertThat(loggedInAt(at1900)).isZero();
        assertThat(loggedInAt(at1030)).isBetween(options.agents() / 2, options.agents());
    }

    private static int loggedInAt(long epochMillis) {
        Map<String, AgentState> state = new HashMap<>();
        for (InteractionEvent e : events) {
            if (e.tsMillis() > epochMillis) {
                break;
            }
            if (e instanceof AgentStateChanged s) {
                state.put(s.agentId(), s.state());
            }
        }
        return (int) state.values().stream().filter(AgentState::isLoggedIn).count();
    }

    private static LocalDate localDate(Instant ts) {
        return ts.atZone(PARIS).toLocalDate();
    }

    /** Contacts diverted with reason CLOSED: calls that came while the centre was closed. */
    static Set<String> closedContacts(List<InteractionEvent> events) {
        Set<String> closed = new HashSet<>();
        for (InteractionEvent e : events) {
            if (e instanceof ContactDiverted d && d.reason() == DivertReason.CLOSED) {
                closed.add(d.contactId());
            }
        }
        return closed;
    }

    private static String contactId(InteractionEvent e) {
        if (e instanceof ContactOffered o) {
            return o.contactId();
        } else if (e instanceof ContactAnswered a) {
            return a.contactId();
        } else if (e instanceof ContactAbandoned a) {
            return a.contactId();
        } else if (e instanceof ContactDiverted d) {
            return d.contactId();
        } else if (e instanceof ContactEnded c) {
            return c.contactId();
        } else if (e instanceof WrapupEnded w) {
            return w.contactId();
        } else if (e instanceof HandoffCreated h) {
            return h.contactId();
        }
        return null;
    }
}
