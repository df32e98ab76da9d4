package fr.joignable.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.live.LiveView;
import fr.joignable.jobs.model.JobEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The live state merges events in arrival order; expected values worked out by hand. */
class LiveStateTest {

    static final long T0 = Instant.parse("2026-10-05T08:15:00Z").toEpochMilli();
    static final long S = 1000;
    static final long H = 3_600_000;
    static final double EXACT = 1e-12;

    final LiveState state = new LiveState(ChannelThresholds.defaults(), 4 * H, 7 * 24 * H);
    int ids;

    @Test
    void theLatestEventTimeWinsPerAgentWhateverTheArrivalOrder() {
        // READY at T0+5 s arrives after the BUSY at T0+10 s that followed it
        agent("a1", "EQUIPE_A", T0 + 10 * S, AgentState.BUSY);
        agent("a1", "EQUIPE_A", T0 + 5 * S, AgentState.READY);
        LiveView v = state.snapshot(T0 + 20 * S, 0);
        LiveView.Team t = v.teams().get(0);
        assertThat(t.states()).containsExactlyEntriesOf(java.util.Map.of("BUSY", 1L));
        // ready 5 s (5 → 10), busy 10 s (10 → 20): occupancy 10 / 15
        assertThat(t.occupancy()).isCloseTo(10.0 / 15, within(EXACT));
        assertThat(v.totals().last60m().occupancy()).isCloseTo(10.0 / 15, within(EXACT));
    }

    @Test
    void aContactIsWaitingUntilItsOutcomeArrivesWhicheverComesFirst() {
        offer("c1", T0, Channel.PHONE);
        offer("c2", T0 + 30 * S, Channel.PHONE);
        LiveView v = state.snapshot(T0 + 40 * S, 0);
        assertThat(v.queues().get(0).waiting()).isEqualTo(2);
        assertThat(v.queues().get(0).longestWaitS()).isEqualTo(40.0);

        apply(ContactAnswered.of(id(), Instant.ofEpochMilli(T0 + 15 * S), "c1", "a1"));
        v = state.snapshot(T0 + 41 * S, 0);
        assertThat(v.queues().get(0).waiting()).isEqualTo(1);
        assertThat(v.queues().get(0).longestWaitS()).isEqualTo(11.0);
        assertThat(v.queues().get(0).interval().answered()).isEqualTo(1);
        assertThat(v.queues().get(0).interval().answeredInSl()).isEqualTo(1); // 15 s ≤ 20 s
        // its outcome before its offer: counted once the offer arrives
        apply(ContactAbandoned.of(id(), Instant.ofEpochMilli(T0 + 50 * S), "c3"));
        assertThat(state.snapshot(T0 + 51 * S, 0).queues().get(0).interval().offered())
                .isEqualTo(2);
        offer("c3", T0 + 20 * S, Channel.PHONE);
        v = state.snapshot(T0 + 52 * S, 0);
        assertThat(v.queues().get(0).waiting()).isEqualTo(1);
        assertThat(v.queues().get(0).interval().abandoned()).isEqualTo(1); // 30 s ≥ 5 s
    }

    @Test
    void divertedContactsAreTurnedAwayAndClosedOnesLeaveTheDenominators() {
        offer("c1", T0, Channel.PHONE);
        apply(ContactAnswered.of(id(), Instant.ofEpochMilli(T0 + 10 * S), "c1", "a1"));
        offer("c2", T0, Channel.PHONE);
        divert("c2", T0, DivertReason.CLOSED);
        offer("c3", T0, Channel.PHONE);
        divert("c3", T0 + 60 * S, DivertReason.FULL);
        // abandon and diversion at the same time: the diversion counts
        offer("c4", T0, Channel.PHONE);
        apply(ContactAbandoned.of(id(), Instant.ofEpochMilli(T0 + 30 * S), "c4"));
        divert("c4", T0 + 30 * S, DivertReason.TIMEOUT);
        // answered whatever else
        offer("c5", T0, Channel.PHONE);
        divert("c5", T0 + 5 * S, DivertReason.MENU);
        apply(ContactAnswered.of(id(), Instant.ofEpochMilli(T0 + 50 * S), "c5", "a2"));

        LiveView.Metrics m = state.snapshot(T0 + 120 * S, 0).totals().interval();
        assertThat(m.offered()).isEqualTo(5);
        assertThat(m.diverted()).isEqualTo(3);
        assertThat(m.closed()).isEqualTo(1);
        assertThat(m.answered()).isEqualTo(2);
        assertThat(m.answeredInSl()).isEqualTo(1);
        assertThat(m.abandoned()).isZero();
        // denominator 5 − 0 short − 1 closed = 4
        assertThat(m.serviceLevel()).isCloseTo(1.0 / 4, within(EXACT));
        assertThat(m.abandonRate()).isCloseTo(0.0, within(EXACT));
        assertThat(state.snapshot(T0 + 120 * S, 0).queues().get(0).waiting()).isZero();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ContactOffered o =
                ContactOffered.anonymous(
                        "e1", Instant.ofEpochMilli(T0), "c1", Channel.PHONE, "LOYERS", "OTHER");
        apply(o);
        apply(o);
        agent("a1", "T", T0, AgentState.READY);
        agent("a1", "T", T0, AgentState.READY);
        LiveView v = state.snapshot(T0 + S, 0);
        assertThat(v.queues().get(0).waiting()).isEqualTo(1);
        assertThat(v.totals().interval().offered()).isEqualTo(1);
        assertThat(v.teams().get(0).states()).containsEntry("READY", 1L);
    }

    @Test
    void stateStaysBounded() {
        offer("answered", T0, Channel.PHONE);
        apply(ContactAnswered.of(id(), Instant.ofEpochMilli(T0 + 5 * S), "answered", "a1"));
        offer("lost", T0, Channel.PHONE); // its outcome never arrives
        offer("email", T0, Channel.EMAIL);
        apply(ContactAnswered.of(id(), Instant.ofEpochMilli(T0), "orphan", "a1"));
        agent("gone", "T", T0, AgentState.LOGGED_OUT);
        agent("silent", "T", T0, AgentState.READY);
        agent("busy", "T", T0, AgentState.READY);
        agent("busy", "T", T0 + 30 * 60 * S, AgentState.BUSY);
        assertThat(state.size()).isEqualTo(7);

        state.prune(T0 + 2 * H); // an hour and more past the finished contact and the orphan
        assertThat(state.contacts.keySet()).containsExactlyInAnyOrder("lost", "email");
        assertThat(state.agents.keySet()).containsExactlyInAnyOrder("silent", "busy");
        // "busy" keeps only the change in effect at the window's start
        assertThat(state.agents.get("busy").changes).hasSize(1);

        state.prune(T0 + 5 * H); // past the 4 h TTL of a live contact
        assertThat(state.contacts.keySet()).containsExactly("email");
        assertThat(state.snapshot(T0 + 5 * H, 0).queues().get(0).backlog()).isEqualTo(1);
        state.prune(T0 + 13 * H); // past the agents' 12 h without an event
        assertThat(state.agents).isEmpty();
        state.prune(T0 + 8 * 24 * H); // past the 7-day horizon of a deferred contact
        assertThat(state.size()).isZero();
    }

    private void offer(String contact, long ts, Channel channel) {
        apply(
                ContactOffered.anonymous(
                        id(), Instant.ofEpochMilli(ts), contact, channel, "LOYERS", "OTHER"));
    }

    private void divert(String contact, long ts, DivertReason reason) {
        apply(ContactDiverted.of(id(), Instant.ofEpochMilli(ts), contact, reason));
    }

    private void agent(String agent, String team, long ts, AgentState s) {
        apply(AgentStateChanged.of(id(), Instant.ofEpochMilli(ts), agent, team, s));
    }

    private void apply(InteractionEvent e) {
        state.apply(JobEvent.of(e, null, null, 0));
    }

    private String id() {
        return "e" + ids++;
    }
}
