package fr.joignable.domain.event;

import java.time.Instant;

/**
 * One event of the input stream ({@code docs/events.md}). Every event has a unique {@link
 * #eventId()}, a {@link #type()} and an event time {@link #ts()} with millisecond precision.
 * Instances are immutable and built through the static factories of each record.
 */
public sealed interface InteractionEvent
        permits ContactOffered,
                ContactAnswered,
                ContactAbandoned,
                ContactDiverted,
                ContactEnded,
                WrapupEnded,
                HandoffCreated,
                HandoffClosed,
                AgentStateChanged {

    String eventId();

    EventType type();

    Instant ts();

    /**
     * The Kafka record key of this event: the {@code contactId} of contact events, the {@code
     * agentId} of agent events, the {@code handoffId} of a closed handoff.
     */
    String key();

    /** Event time in epoch milliseconds. */
    default long tsMillis() {
        return ts().toEpochMilli();
    }
}
