package fr.joignable.inputs;

import fr.joignable.domain.event.Channel;

/**
 * What the mapping says of one queue of the source system.
 *
 * @param name the queue name in Joignable's events (the source name unless renamed)
 * @param intent the intent given to its contacts
 * @param channel their channel
 * @param team the team of the agents seen in it
 * @param priority 1 (urgent) to 3 (low)
 */
public record QueueSpec(String name, String intent, Channel channel, String team, int priority) {}
