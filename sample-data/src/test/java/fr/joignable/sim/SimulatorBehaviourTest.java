package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorBehaviourTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
        LocalDate start = LocalDate.of(2026, 3, 30);
        SimulatorOptions options = SimulatorOptions.defaults().withSeed(42);
        List<String> first = SimulationFixtures.run(options, start, 4).lines();
        List<String> second = SimulationFixtures.run(options, start, 4).lines();
        List<String> other = SimulationFixtures.run(options.withSeed(43), start, 4).lines();
        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void publicHolidaysAreClosedForLiveChannels() {
        // Wednesday 11 November 2026 (Armistice) within a working week.
        LocalDate holiday = LocalDate.of(2026, 11, 11);
        List<InteractionEvent> events =
                SimulationFixtures.run(SimulatorOptions.defaults(), LocalDate.of(2026, 11, 9), 5)
                        .events();
        Map<Channel, Integer> onHoliday = new HashMap<>();
        Map<Channel, Integer> dayBefore = new HashMap<>();
        int agentEventsOnHoliday = 0;
        for (InteractionEvent e : events) {
            LocalDate day = e.ts().atZone(PARIS).toLocalDate();
            if (e instanceof ContactOffered o) {
                if (day.equals(holiday)) {
                    onHoliday.merge(o.channel(), 1, Integer::sum);
                } else if (day.equals(holiday.minusDays(1))) {
                    dayBefore.merge(o.channel(), 1, Integer::sum);
                }
            } else if (e instanceof AgentStateChanged && day.equals(holiday)) {
                agentEventsOnHoliday++;
            }
        }
        assertThat(onHoliday).doesNotContainKeys(Channel.PHONE, Channel.CHAT, Channel.LETTER);
        assertThat(onHoliday).containsKeys(Channel.EMAIL, Channel.PORTAL);
        assertThat(dayBefore.get(Channel.PHONE)).isGreaterThan(300);
        assertThat(agentEventsOnHoliday).isZero();
    }

    @Test
    void openingHoursAreAnOption() {
        SimulatorOptions options =
                SimulatorOptions.defaults()
                        .withOpeningHours(LocalTime.of(9, 0), LocalTime.of(12, 0));
        List<InteractionEvent> events =
                SimulationFixtures.run(options, LocalDate.of(2026, 6, 8), 2).events();
        int live = 0;
        int closedCalls = 0;
        java.util.Set<String> closed = GeneratedMonthTest.closedContacts(events);
        for (InteractionEvent e : events) {
            if (e instanceof ContactOffered o && o.channel().isLive()) {
                LocalTime t = o.ts().atZone(PARIS).toLocalTime();
                if (closed.contains(o.contactId())) {
                    // turned away: the switchboard answers calls outside the hours with a message
                    assertThat(t.isBefore(LocalTime.of(9, 0)) || !t.isBefore(LocalTime.of(12, 0)))
                            .as("closed call at %s", t)
                            .isTrue();
                    closedCalls++;
                    continue;
                }
                assertThat(t).isAfterOrEqualTo(LocalTime.of(9, 0)).isBefore(LocalTime.of(12, 0));
                live++;
            }
        }
        assertThat(live).isGreaterThan(100);
        assertThat(closedCalls).isPositive();
    }

    @Test
    void theYearlyShapeRaisesHeatingInWinterRentAtMonthStartAndChargesInSpring() {
        SimulatorOptions options = SimulatorOptions.defaults();
        Map<String, Integer> january = intents(options, LocalDate.of(2027, 1, 11), 5);
        Map<String, Integer> july = intents(options, LocalDate.of(2026, 7, 20), 5);
        Map<String, Integer> monthStart = intents(options, LocalDate.of(2026, 6, 1), 5);
        Map<String, Integer> midMonth = intents(options, LocalDate.of(2026, 6, 15), 5);
        Map<String, Integer> october = intents(options, LocalDate.of(2026, 10, 12), 5);
        assertThat(january.get("HEATING")).isGreaterThan(3 * july.get("HEATING"));
        int rentStart = monthStart.get("RENT_RECEIPT") + monthStart.get("RENT_PAYMENT");
        int rentMid = midMonth.get("RENT_RECEIPT") + midMonth.get("RENT_PAYMENT");
        assertThat(rentStart).isGreaterThan(2 * rentMid);
        assertThat(midMonth.get("CHARGES")).isGreaterThan(2 * october.get("CHARGES"));
    }

    private static Map<String, Integer> intents(SimulatorOptions o, LocalDate start, int days) {
        Map<String, Integer> counts = new HashMap<>();
        for (InteractionEvent e : SimulationFixtures.run(o, start, days).events()) {
            if (e instanceof ContactOffered c) {
                counts.merge(c.intent(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void faultsProduceRedeliveriesOutOfOrderAndInvalidLinesAtTheRequestedRates() {
        LocalDate start = LocalDate.of(2026, 10, 5);
        int days = 7;
        SimulatorOptions clean = SimulatorOptions.defaults().withSeed(9);
        Duration maxDelay = Duration.ofMinutes(3);
        SimulatorOptions faulty =
                clean.withFaults(new SimulatorOptions.Faults(true, maxDelay, 0.03, 0.01, 0.005));
        List<String> reference = SimulationFixtures.run(clean, start, days).lines();
        SimulationFixtures.Run run = SimulationFixtures.run(faulty, start, days);
        int n = reference.size();

        List<String> accepted = new ArrayList<>();
        int rejected = 0;
        int outOfOrder = 0;
        long maxSeen = Long.MIN_VALUE;
        long worstLateness = 0;
        Set<String> ids = new HashSet<>();
        int redelivered = 0;
        for (String line : run.lines()) {
            Decoded d = EventCodec.instance().decode(line);
            if (!(d instanceof Decoded.Accepted a)) {
                rejected++;
                continue;
            }
            InteractionEvent e = a.event();
            if (!ids.add(e.eventId())) {
                redelivered++;
                continue;
            }
            accepted.add(line);
            if (e.tsMillis() < maxSeen) {
                outOfOrder++;
                worstLateness = Math.max(worstLateness, maxSeen - e.tsMillis());
            }
            maxSeen = Math.max(maxSeen, e.tsMillis());
        }
        // The same events, once each, whatever the faults.
        assertThat(new HashSet<>(accepted)).isEqualTo(new HashSet<>(reference));
        assertThat(accepted).hasSize(n);
        // Rates within about 4 binomial standard deviations (n ≈ 35,000 events).
        assertThat((double) rejected / n).isBetween(0.0035, 0.0065);
        assertThat((double) redelivered / n).isBetween(0.008, 0.012);
        assertThat(run.delivery().delayed() / (double) n).isBetween(0.027, 0.033);
        // Some delayed events pass no later event (quiet night hours): a lower bound only.
        assertThat((double) outOfOrder / n).isBetween(0.01, 0.033);
        assertThat(worstLateness).isPositive().isLessThanOrEqualTo(maxDelay.toMillis());
    }

    @Test
    void faultsAreOffByDefault() {
        assertThat(SimulatorOptions.defaults().faults().enabled()).isFalse();
    }

    @Test
    void theRosterCsvListsEveryAgentWithSkillsAndFte() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults();
        StringWriter out = new StringWriter();
        SimulatedRoster.of(options).writeCsv(out);
        List<String> rows = out.toString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("agent_id,team,skills,fte");
        assertThat(rows).hasSize(options.agents() + 1);
        Set<String> covered = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertThat(f).hasSize(4);
            assertThat(f[0]).matches("A\\d{3}");
            assertThat(f[1]).startsWith("EQUIPE_");
            for (String q : f[2].split(";")) {
                assertThat(SimulatedRoster.QUEUES).contains(q);
                covered.add(q);
            }
            assertThat(Double.parseDouble(f[3])).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(SimulatedRoster.QUEUES);
        assertThat(rows).anyMatch(r -> r.endsWith(",0.8")).anyMatch(r -> r.endsWith(",0.5"));
    }

    @Test
    void tenantIdsArePseudonymousAndDistinct() {
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(Identifiers.permute40(i, 12345))).isTrue();
        }
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        String line =
                SimulationFixtures.run(SimulatorOptions.defaults(), LocalDate.of(2026, 10, 5), 1)
                        .lines()
                        .get(0);
        String ts = line.replaceAll(".*\"ts\":\"([^\"]+)\".*", "$1");
        assertThat(ts).endsWith("Z");
        assertThat(OffsetDateTime.parse(ts)).isNotNull();
    }
}
