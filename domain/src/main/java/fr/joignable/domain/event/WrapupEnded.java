package fr.joignable.domain.event;

import java.time.Instant;

/** The agent finishes the after-contact work of a contact. */
public record WrapupEnded(String eventId, Instant ts, String contactId, String agentId)
        implements InteractionEvent {

    public WrapupEnded {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        Events.required(agentId, "agentId");
    }

    public static WrapupEnded of(String eventId, Instant ts, String contactId, String agentId) {
        return new WrapupEnded(eventId, ts, contactId, agentId);
    }

    @Override
    public EventType type() {
        return EventType.WRAPUP_ENDED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
