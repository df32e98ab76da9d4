package fr.joignable.domain.event;

import java.time.Instant;

/** The conversation or handling of a contact ends. */
public record ContactEnded(String eventId, Instant ts, String contactId, String agentId)
        implements InteractionEvent {

    public ContactEnded {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        Events.required(agentId, "agentId");
    }

    public static ContactEnded of(String eventId, Instant ts, String contactId, String agentId) {
        return new ContactEnded(eventId, ts, contactId, agentId);
    }

    @Override
    public EventType type() {
        return EventType.CONTACT_ENDED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
