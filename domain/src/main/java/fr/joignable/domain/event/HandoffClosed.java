package fr.joignable.domain.event;

import java.time.Instant;

/** A handed-off request is closed by the receiving side. */
public record HandoffClosed(String eventId, Instant ts, String handoffId)
        implements InteractionEvent {

    public HandoffClosed {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(handoffId, "handoffId");
    }

    public static HandoffClosed of(String eventId, Instant ts, String handoffId) {
        return new HandoffClosed(eventId, ts, handoffId);
    }

    @Override
    public EventType type() {
        return EventType.HANDOFF_CLOSED;
    }

    @Override
    public String key() {
        return handoffId;
    }
}
