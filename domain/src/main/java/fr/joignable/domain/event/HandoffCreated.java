package fr.joignable.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The request of a contact is passed on to a caretaker (gardien) or another service.
 *
 * @param residenceId the residence concerned, or {@code null}
 */
public record HandoffCreated(
        String eventId,
        Instant ts,
        String contactId,
        String handoffId,
        HandoffTarget target,
        String residenceId)
        implements InteractionEvent {

    public HandoffCreated {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(contactId, "contactId");
        Events.required(handoffId, "handoffId");
        Objects.requireNonNull(target, "target");
        residenceId = Events.optional(residenceId);
    }

    public static HandoffCreated of(
            String eventId,
            Instant ts,
            String contactId,
            String handoffId,
            HandoffTarget target,
            String residenceId) {
        return new HandoffCreated(eventId, ts, contactId, handoffId, target, residenceId);
    }

    @Override
    public EventType type() {
        return EventType.HANDOFF_CREATED;
    }

    @Override
    public String key() {
        return contactId;
    }
}
