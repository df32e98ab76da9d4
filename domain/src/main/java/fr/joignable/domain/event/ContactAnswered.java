package fr.joignable.domain.event;

import java.time.Instant;

/** An agent takes the contact: a call is answered, an email opened for handling. */
public record ContactAnswered(String eventId, Instant ts, String contactId, String agentId)
        implements InteractionEvent {

    public ContactAnswered {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        Events.required(agentId, "agentId");
    }

    public static ContactAnswered of(String eventId, Instant ts, String contactId, String agentId) {
        return new ContactAnswered(eventId, ts, contactId, agentId);
    }

    @Override
    public EventType type() {
        return EventType.CONTACT_ANSWERED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
