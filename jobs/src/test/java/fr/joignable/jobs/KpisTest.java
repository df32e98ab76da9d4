package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.jobs.model.ContactDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every KPI definition and edge of docs/kpis.md, without Flink. */
class KpisTest {

    static final long T0 = Instant.parse("2026-10-05T08:00:00Z").toEpochMilli();
    static final ChannelThresholds.Threshold PHONE =
            ChannelThresholds.defaults().of("LOYERS", Channel.PHONE);
    static final long WEEK = 7 * 86_400_000L;

    @Test
    void aWaitExactlyAtTheShortAbandonThresholdIsALongAbandon() {
        assertThat(Kpis.isShortAbandon(5_000, PHONE.shortAbandonMillis())).isFalse();
        assertThat(Kpis.isShortAbandon(4_999, PHONE.shortAbandonMillis())).isTrue();
        // deferred channels: threshold 0 s, nothing is a short abandon
        assertThat(Kpis.isShortAbandon(0, 0)).isFalse();
    }

    @Test
    void aWaitExactlyAtTheServiceLevelThresholdIsInServiceLevel() {
        assertThat(Kpis.isInServiceLevel(20_000, PHONE.serviceLevelMillis())).isTrue();
        assertThat(Kpis.isInServiceLevel(20_001, PHONE.serviceLevelMillis())).isFalse();
    }

    @Test
    void anEarlierContactExactlyOneWindowBeforeIsNotADuplicate() {
        assertThat(Kpis.withinDuplicateWindow(T0, T0 + WEEK, WEEK)).isFalse();
        assertThat(Kpis.withinDuplicateWindow(T0 + 1, T0 + WEEK, WEEK)).isTrue();
    }

    @Test
    void equalTimesAreOrderedByContactId() {
        assertThat(Kpis.isEarlier(T0, "c1", T0, "c2")).isTrue();
        assertThat(Kpis.isEarlier(T0, "c2", T0, "c1")).isFalse();
        assertThat(Kpis.isEarlier(T0 - 1, "c9", T0, "c1")).isTrue();
    }

    @Test
    void aContactAnsweredInTheNextIntervalCountsInItsOfferInterval() {
        // offered 08:14:50, answered 08:15:05, ended 08:20:05, wrap-up to 08:21:05
        long offer = T0 + 890_000;
        List<ContactDelta> d =
                Kpis.contactDeltas(
                        offer,
                        "LOYERS",
                        Channel.PHONE,
                        "CHARGES",
                        true,
                        offer + 15_000,
                        Kpis.NONE,
                        Kpis.NONE,
                        false,
                        offer + 315_000,
                        offer + 375_000,
                        PHONE);
        assertThat(d).hasSize(2);
        assertThat(d.get(0).intervalStart).isEqualTo(T0);
        assertThat(d.get(0).offered).isEqualTo(1);
        assertThat(d.get(0).answered).isEqualTo(1);
        assertThat(d.get(0).answeredInSl).isEqualTo(1);
        assertThat(d.get(0).waitSumMs).isEqualTo(15_000);
        assertThat(d.get(0).identified).isEqualTo(1);
        assertThat(d.get(0).handled).isZero();
        assertThat(d.get(1).intervalStart).isEqualTo(T0 + 900_000);
        assertThat(d.get(1).offered).isZero();
        assertThat(d.get(1).handled).isEqualTo(1);
        assertThat(d.get(1).handleSumMs).isEqualTo(300_000 + 60_000);
    }

    @Test
    void aContactWithNoOutcomeIsOfferedOnly() {
        List<ContactDelta> d =
                Kpis.contactDeltas(
                        T0,
                        "LOYERS",
                        Channel.PHONE,
                        "CHARGES",
                        false,
                        Kpis.NONE,
                        Kpis.NONE,
                        Kpis.NONE,
                        false,
                        Kpis.NONE,
                        Kpis.NONE,
                        PHONE);
        assertThat(d).hasSize(1);
        ContactDelta c = d.get(0);
        assertThat(c.offered).isEqualTo(1);
        assertThat(c.answered + c.abandoned + c.shortAbandoned + c.handled).isZero();
        assertThat(Kpis.serviceLevel(c.answeredInSl, c.offered, c.shortAbandoned)).isEqualTo(0.0);
        assertThat(Kpis.meanSeconds(c.waitSumMs, c.answered)).isNull();
    }

    @Test
    void ratesAreUndefinedWithAZeroDenominator() {
        // one contact, short-abandoned: offered − short = 0
        assertThat(Kpis.serviceLevel(0, 1, 1)).isNull();
        assertThat(Kpis.abandonRate(0, 1, 1)).isNull();
        assertThat(Kpis.abandonRate(1, 4, 0)).isEqualTo(0.25);
        assertThat(Kpis.ratio(1, 3)).isEqualTo(1.0 / 3);
        assertThat(Kpis.occupancy(0, 0, 0)).isNull();
        assertThat(Kpis.occupancy(100, 200, 100)).isEqualTo(0.75);
    }

    @Test
    void handleTimeIsTalkPlusWrapUpWithZeroWrapWhenUnseen() {
        assertThat(Kpis.handleMillis(1_000, 61_000, Kpis.NONE)).isEqualTo(60_000);
        assertThat(Kpis.handleMillis(1_000, 61_000, 91_000)).isEqualTo(90_000);
        assertThat(Kpis.handleMillis(Kpis.NONE, 61_000, 91_000)).isEqualTo(30_000);
    }

    @Test
    void anAgentStateCrossingIntervalBoundariesIsSplit() {
        List<String> pieces = new ArrayList<>();
        // 08:10 → 08:50: 5 min, 15, 15, 5
        Kpis.splitAtIntervals(
                T0 + 600_000,
                T0 + 3_000_000,
                (s, m) -> pieces.add((s - T0) / 60_000 + ":" + m / 60_000));
        assertThat(pieces).containsExactly("0:5", "15:15", "30:15", "45:5");
        pieces.clear();
        Kpis.splitAtIntervals(T0, T0, (s, m) -> pieces.add("x"));
        assertThat(pieces).isEmpty();
    }

    @Test
    void agentRowsSumStatesAndOccupancy() {
        var row = Kpis.agentRow(T0, "A", new long[] {300_000, 450_000, 150_000, 0});
        assertThat(row.staffedS()).isEqualTo(900.0);
        assertThat(row.occupancy()).isEqualTo(600.0 / 900.0);
        assertThat(Kpis.stateIndex("LOGGED_OUT")).isNegative();
    }

    @Test
    void aContactRowExistsWithOfferedOrHandledContacts() {
        ContactDelta s = new ContactDelta(T0, "Q", "PHONE", null);
        assertThat(Kpis.hasContactRow(s)).isFalse();
        s.handled = 1;
        assertThat(Kpis.hasContactRow(s)).isTrue();
        var row = Kpis.contactRow(s);
        assertThat(row.serviceLevel()).isNull();
        assertThat(row.duplicateRate()).isNull();
    }

    @Test
    void aContactHasOneOutcomeAnsweredFirstThenTheEarlierOfAbandonAndDiversion() {
        long n = Kpis.NONE;
        assertThat(Kpis.outcome(T0 + 9, T0 + 5, T0 + 1)).isEqualTo(Kpis.Outcome.ANSWERED);
        assertThat(Kpis.outcome(n, T0 + 5, T0 + 6)).isEqualTo(Kpis.Outcome.ABANDONED);
        assertThat(Kpis.outcome(n, T0 + 6, T0 + 5)).isEqualTo(Kpis.Outcome.DIVERTED);
        // equal times: the diversion
        assertThat(Kpis.outcome(n, T0 + 5, T0 + 5)).isEqualTo(Kpis.Outcome.DIVERTED);
        assertThat(Kpis.outcome(n, T0 + 5, n)).isEqualTo(Kpis.Outcome.ABANDONED);
        assertThat(Kpis.outcome(n, n, T0)).isEqualTo(Kpis.Outcome.DIVERTED);
        assertThat(Kpis.outcome(n, n, n)).isEqualTo(Kpis.Outcome.NONE);
    }

    /** One phone contact of the interval below: times in seconds after the offer, -1 = none. */
    private static ContactDelta phone(int answer, int abandon, int divert, boolean closed) {
        List<ContactDelta> d =
                Kpis.contactDeltas(
                        T0,
                        "LOYERS",
                        Channel.PHONE,
                        "CHARGES",
                        false,
                        answer < 0 ? Kpis.NONE : T0 + answer * 1000L,
                        abandon < 0 ? Kpis.NONE : T0 + abandon * 1000L,
                        divert < 0 ? Kpis.NONE : T0 + divert * 1000L,
                        closed,
                        Kpis.NONE,
                        Kpis.NONE,
                        PHONE);
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @Test
    void closedDiversionsLeaveTheServiceLevelAndAbandonDenominators() {
        ContactDelta sum = new ContactDelta(T0, "LOYERS", "PHONE", null);
        List<ContactDelta> contacts =
                List.of(
                        phone(10, -1, -1, false), // answered in SL (20 s)
                        phone(30, -1, -1, false), // answered, not in SL
                        phone(15, 40, -1, false), // answered wins over the abandon: in SL
                        phone(5, -1, -1, false), // answered in SL
                        phone(-1, 3, -1, false), // short abandon (< 5 s)
                        phone(-1, 60, -1, false), // abandon
                        phone(-1, 45, 90, false), // abandon before its diversion: abandon
                        phone(-1, -1, 0, true), // diverted, centre closed
                        phone(-1, -1, 0, true), // diverted, centre closed
                        phone(-1, -1, 120, false), // diverted, wait limit
                        phone(-1, 50, 50, false), // abandon and diversion at once: diverted
                        phone(-1, -1, -1, false)); // still waiting: offered only
        contacts.forEach(sum::add);
        var row = Kpis.contactRow(sum);
        // by hand: offered 12, answered 4 (3 in SL), short 1, abandoned 2, diverted 4, closed 2
        assertThat(row.offered()).isEqualTo(12);
        assertThat(row.answered()).isEqualTo(4);
        assertThat(row.answeredInSl()).isEqualTo(3);
        assertThat(row.shortAbandoned()).isEqualTo(1);
        assertThat(row.abandoned()).isEqualTo(2);
        assertThat(row.diverted()).isEqualTo(4);
        assertThat(row.closed()).isEqualTo(2);
        // denominator 12 − 1 − 2 = 9
        assertThat(row.serviceLevel()).isEqualTo(3.0 / 9);
        assertThat(row.abandonRate()).isEqualTo(2.0 / 9);
        // ASA over the answered: (10 + 30 + 15 + 5) / 4 s
        assertThat(row.asaS()).isEqualTo(15.0);
    }

    @Test
    void onlyClosedDiversionsLeaveTheRatesUndefined() {
        assertThat(Kpis.serviceLevel(0, 2, 0, 2)).isNull();
        assertThat(Kpis.abandonRate(0, 2, 0, 2)).isNull();
        assertThat(Kpis.serviceLevel(1, 4, 1, 1)).isEqualTo(0.5);
        // the three-argument forms (live view) count no closed diversion
        assertThat(Kpis.serviceLevel(1, 4, 1)).isEqualTo(1.0 / 3);
    }
}
