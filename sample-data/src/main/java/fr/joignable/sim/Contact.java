package fr.joignable.sim;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;

/**
 * A contact offered to the centre, from its offer to its outcome: it waits (live channels) or lies
 * in the backlog (deferred channels) until it is answered, abandoned by the caller or turned away
 * by the switchboard; these outcomes exclude each other. Its queue and priority are the intent's
 * usual ones ({@link Intent#usualQueue()}, {@link Intent#usualPriority()}).
 */
final class Contact {

    enum Outcome {
        PENDING,
        ANSWERED,
        ABANDONED,
        DIVERTED
    }

    final String id;

    /** 1, 2, ... in offer order: breaks ties of priority and offer time. */
    final long number;

    final long offeredAt;
    final Channel channel;
    final Intent intent;
    final String queue;
    final int priority;
    final int person;
    final boolean identified;
    final int attempt;
    private Outcome outcome = Outcome.PENDING;

    Contact(
            String id,
            long number,
            long offeredAt,
            Channel channel,
            Intent intent,
            int person,
            boolean identified,
            int attempt) {
        this.id = id;
        this.number = number;
        this.offeredAt = offeredAt;
        this.channel = channel;
        this.intent = intent;
        this.queue = intent.usualQueue();
        this.priority = intent.usualPriority();
        this.person = person;
        this.identified = identified;
        this.attempt = attempt;
    }

    Outcome outcome() {
        return outcome;
    }

    void end(Outcome how) {
        outcome = how;
    }
}
