package fr.joignable.sim;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import java.time.Instant;

/**
 * A tenant reaching the centre: a contact about to be offered.
 *
 * @param at when the contact is offered
 * @param channel the channel it comes by
 * @param intent what it is about (its queue and priority follow from it)
 * @param person the home (0-based) of the tenant, whether or not he gives his id
 * @param attempt 1 for a first contact, 2... for the repeats of one request
 */
record Arrival(Instant at, Channel channel, Intent intent, int person, int attempt)
        implements Happening {}
