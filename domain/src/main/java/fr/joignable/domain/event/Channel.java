package fr.joignable.domain.event;

/**
 * The way a tenant reaches the landlord. Phone and chat are <em>live</em>: the tenant waits on line
 * and may hang up. Email, letter and portal requests are <em>deferred</em>: they wait in a backlog
 * and are answered within a response-time target.
 */
public enum Channel {
    PHONE(true),
    EMAIL(false),
    LETTER(false),
    CHAT(true),
    PORTAL(false);

    private final boolean live;

    Channel(boolean live) {
        this.live = live;
    }

    /** True for phone and chat, where the tenant waits on line. */
    public boolean isLive() {
        return live;
    }

    /** True for email, letter and portal, which are worked from a backlog. */
    public boolean isDeferred() {
        return !live;
    }
}
