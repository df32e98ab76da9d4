package fr.joignable.domain.event;

import java.time.Instant;

/** The tenant gives up before being answered (phone, chat). */
public record ContactAbandoned(String eventId, Instant ts, String contactId)
        implements InteractionEvent {

    public ContactAbandoned {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
    }

    public static ContactAbandoned of(String eventId, Instant ts, String contactId) {
        return new ContactAbandoned(eventId, ts, contactId);
    }

    @Override
    public EventType type() {
        return EventType.CONTACT_ABANDONED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
