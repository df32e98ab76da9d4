package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.Intent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final long DAY = 24 * 3_600_000L;
    private long number;

    private Contact offer(Tally tally, Intent intent, int person, long at, boolean identified) {
        long n = ++number;
        Contact c = new Contact("C" + n, n, at, Channel.PHONE, intent, person, identified, 1);
        tally.offered(c);
        return c;
    }

    @Test
    void aDuplicateIsTheSameTenantAndIntentWithinSevenDays() {
        Tally tally = new Tally();
        Contact first = offer(tally, Intent.REPAIR, 7, 0, true);
        first.end(Contact.Outcome.ABANDONED);
        offer(tally, Intent.REPAIR, 7, 7 * DAY - 1, true); // duplicate, after an abandon
        offer(tally, Intent.HEATING, 7, 7 * DAY, true); // another intent
        offer(tally, Intent.REPAIR, 8, 7 * DAY, true); // another tenant
        offer(tally, Intent.REPAIR, 7, 14 * DAY - 1, true); // 7 days after the last one: not
        offer(tally, Intent.REPAIR, 7, 14 * DAY, false); // unidentified: never
        SimulationSummary s = tally.summary(1, 0);
        assertThat(s.identified()).isEqualTo(5);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.duplicatesAfterAbandon()).isEqualTo(1);
        assertThat(s.offered()).isEqualTo(6);
        assertThat(s.liveOffered()).isEqualTo(6);
    }

    @Test
    void forgottenOffersDuplicateNothing() {
        Tally tally = new Tally();
        offer(tally, Intent.REPAIR, 7, 0, true);
        tally.forgetOffersUntil(0);
        offer(tally, Intent.REPAIR, 7, DAY, true);
        assertThat(tally.summary(1, 0).duplicates()).isZero();
    }

    @Test
    void abandonsWithinFiveSecondsAreShortAndClosedCallsAreDiversions() {
        Tally tally = new Tally();
        tally.abandoned(4_999);
        tally.abandoned(5_000);
        tally.diverted(DivertReason.CLOSED);
        tally.diverted(DivertReason.FULL);
        tally.delivered(HandoffClosed.of("E1", Instant.EPOCH, "H1"));
        SimulationSummary s = tally.summary(3, 9);
        assertThat(s.shortAbandoned()).isEqualTo(1);
        assertThat(s.abandoned()).isEqualTo(1);
        assertThat(s.diverted()).isEqualTo(2);
        assertThat(s.closedCalls()).isEqualTo(1);
        assertThat(s.events()).isEqualTo(1);
        assertThat(s.handoffsClosed()).isEqualTo(1);
        assertThat(s.agents()).isEqualTo(3);
        assertThat(s.backlogAtEnd()).isEqualTo(9);
    }
}
