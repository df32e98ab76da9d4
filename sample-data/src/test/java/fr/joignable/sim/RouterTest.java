package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing with three agents of the default roster's cycle: A001 (TECHNIQUE, PROXIMITE, ACCUEIL),
 * A002 (LOYERS, DEMANDES, ACCUEIL), A003 (every queue). Queues and priorities are the intents'
 * usual ones: RENT_RECEIPT LOYERS 3, RENT_PAYMENT LOYERS 2, OTHER ACCUEIL 3, WATER_DAMAGE TECHNIQUE
 * 1, NEIGHBOUR GESTION_LOCATIVE 2.
 */
class RouterTest {

    private AgentPool pool;
    private Router router;
    private Agent a1;
    private Agent a2;
    private Agent a3;
    private long number;

    @BeforeEach
    void setUp() {
        pool = new AgentPool(SimulatedRoster.of(SimulatorOptions.defaults().withAgents(3)));
        router = new Router(pool, SimulatedRoster.QUEUES);
        a1 = pool.agents().get(0);
        a2 = pool.agents().get(1);
        a3 = pool.agents().get(2);
    }

    private Contact contact(Intent intent, long offeredAt) {
        long n = ++number;
        return new Contact("C" + n, n, offeredAt, Channel.PHONE, intent, 0, true, 1);
    }

    private static void idle(Agent a, long since) {
        a.idle = true;
        a.idleSince = since;
    }

    @Test
    void aNewContactGoesToTheLongestIdleTrainedAgent() {
        idle(a1, 100);
        idle(a2, 50);
        idle(a3, 200);
        assertThat(router.agentFor("LOYERS", 0)).isSameAs(a2);
        assertThat(router.agentFor("TECHNIQUE", 0)).isSameAs(a1); // A002 is not trained in it
        assertThat(router.agentFor("GESTION_LOCATIVE", 0)).isSameAs(a3); // only A003 is
    }

    @Test
    void equalIdleTimesGoToTheFirstAgentOfTheRoster() {
        idle(a3, 100);
        idle(a2, 100);
        assertThat(router.agentFor("ACCUEIL", 0)).isSameAs(a2);
    }

    @Test
    void aReserveKeepsThatManyOtherAgentsIdle() {
        idle(a1, 100);
        idle(a2, 50);
        idle(a3, 200);
        // three idle: giving one away leaves two
        assertThat(router.agentFor("LOYERS", 2)).isSameAs(a2);
        assertThat(router.agentFor("LOYERS", 3)).isNull();
        a1.idle = false;
        a3.idle = false;
        assertThat(router.agentFor("LOYERS", 0)).isSameAs(a2);
        assertThat(router.agentFor("LOYERS", 1)).isNull();
        assertThat(router.agentFor("TECHNIQUE", 0)).isNull(); // the idle one is not trained
    }

    @Test
    void aFreedAgentTakesTheMostUrgentContactOfHisSkillsThenTheOldest() {
        Contact receiptAt100 = contact(Intent.RENT_RECEIPT, 100);
        Contact otherAt50 = contact(Intent.OTHER, 50);
        Contact paymentAt200 = contact(Intent.RENT_PAYMENT, 200);
        Contact leakAt10 = contact(Intent.WATER_DAMAGE, 10);
        for (Contact c : new Contact[] {receiptAt100, otherAt50, paymentAt200, leakAt10}) {
            router.hold(c);
        }
        assertThat(router.waitingIn("LOYERS")).isEqualTo(2);
        // A002: priority 2 first, then the priority-3 contacts in offer-time order; never the leak
        assertThat(router.takeWaiting(a2)).isSameAs(paymentAt200);
        assertThat(router.takeWaiting(a2)).isSameAs(otherAt50);
        assertThat(router.takeWaiting(a2)).isSameAs(receiptAt100);
        assertThat(router.takeWaiting(a2)).isNull();
        assertThat(router.takeWaiting(a1)).isSameAs(leakAt10);
        assertThat(router.waitingIn("LOYERS")).isZero();
    }

    @Test
    void contactsOfOnePriorityAndTimeAreServedInOfferOrder() {
        Contact first = contact(Intent.NEIGHBOUR, 100);
        Contact second = contact(Intent.LEASE, 100);
        router.hold(second);
        router.hold(first);
        assertThat(router.takeWaiting(a3)).isSameAs(first);
        assertThat(router.takeWaiting(a3)).isSameAs(second);
    }

    @Test
    void waitingLinesAndBacklogsAreSeparateAndAWithdrawnContactIsGone() {
        Contact live = contact(Intent.RENT_PAYMENT, 100);
        Contact gone = contact(Intent.RENT_PAYMENT, 50);
        Contact mail = contact(Intent.RENT_PAYMENT, 10);
        router.hold(live);
        router.hold(gone);
        router.defer(mail);
        router.withdraw(gone);
        assertThat(router.backlogSize()).isEqualTo(1);
        assertThat(router.takeWaiting(a2)).isSameAs(live);
        assertThat(router.takeWaiting(a2)).isNull();
        assertThat(router.takeDeferred(a2)).isSameAs(mail);
        assertThat(router.backlogSize()).isZero();
    }
}
