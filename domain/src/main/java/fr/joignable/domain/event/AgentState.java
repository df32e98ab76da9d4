package fr.joignable.domain.event;

/** What an agent is doing; a state lasts until the same agent's next state event. */
public enum AgentState {
    LOGGED_OUT,
    /** Available, waiting for a contact. */
    READY,
    /** On a contact. */
    BUSY,
    /** After-contact work. */
    WRAP_UP,
    /** Logged in but unavailable: break, training, meeting. */
    NOT_READY;

    /** Every state but {@link #LOGGED_OUT} counts as staffed time. */
    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }
}
