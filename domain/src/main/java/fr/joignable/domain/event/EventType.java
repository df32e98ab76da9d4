package fr.joignable.domain.event;

/** The {@code type} field of an interaction event. */
public enum EventType {
    CONTACT_OFFERED,
    CONTACT_ANSWERED,
    CONTACT_ABANDONED,
    CONTACT_DIVERTED,
    CONTACT_ENDED,
    WRAPUP_ENDED,
    HANDOFF_CREATED,
    HANDOFF_CLOSED,
    AGENT_STATE
}
