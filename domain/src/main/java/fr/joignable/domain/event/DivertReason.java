package fr.joignable.domain.event;

/**
 * Why a contact left the queue, or never entered it, without an agent and without the tenant
 * hanging up ({@code reason} of {@code CONTACT_DIVERTED}).
 */
public enum DivertReason {
    /** The centre was closed (outside opening hours or a closed day): not a service failure. */
    CLOSED,
    /** The queue was full (maximum callers reached, or a ratio or hold-time limit). */
    FULL,
    /** No agent was logged in to the queue. */
    NO_AGENT,
    /** The wait limit was reached (sent to voicemail or another service). */
    TIMEOUT,
    /** The caller chose an exit in the menu. */
    MENU;

    /**
     * Whether a contact diverted for this reason stays in the denominators of service level and
     * abandon rate: every reason does except {@link #CLOSED}, when nobody could have answered.
     */
    public boolean countsAgainstService() {
        return this != CLOSED;
    }
}
