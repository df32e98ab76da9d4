package fr.joignable.sim;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How the simulated telephony turns contacts away without an agent ({@code CONTACT_DIVERTED},
 * {@code docs/events.md}), with the defaults of an OPH centre's switchboard:
 *
 * <ul>
 *   <li><b>closed</b>: calls that reach the centre before it opens (from {@link #earliestCall}) or
 *       after it closes (until {@link #latestCall}) on working days, {@link #closedCallShare} of
 *       the day's phone volume, are told the opening hours and hung up ({@code CLOSED});
 *   <li><b>queue full</b>: a live call or chat that finds {@link #maxWaitingPhone} (chat: {@link
 *       #maxWaitingChat}) contacts already waiting in its queue is refused at once ({@code FULL});
 *   <li><b>wait limit</b>: a phone call still waiting after {@link #phoneWaitLimit} is sent to
 *       voicemail ({@code TIMEOUT}).
 * </ul>
 *
 * @param closedCallShare closed-hour phone calls, as a share of the day's phone volume
 * @param earliestCall first time of day a closed-hour call can come
 * @param latestCall last time of day a closed-hour call can come
 * @param maxWaitingPhone phone calls waiting in one queue beyond which a new one is refused
 * @param maxWaitingChat chats waiting in one queue beyond which a new one is refused
 * @param phoneWaitLimit longest a phone call waits before voicemail
 */
public record Diversions(
        double closedCallShare,
        LocalTime earliestCall,
        LocalTime latestCall,
        int maxWaitingPhone,
        int maxWaitingChat,
        Duration phoneWaitLimit) {

    /** The defaults: 4 % closed-hour calls (07:00–20:00), 25 / 10 waiting, 10 minutes. */
    public static final Diversions DEFAULTS =
            new Diversions(
                    0.04, LocalTime.of(7, 0), LocalTime.of(20, 0), 25, 10, Duration.ofMinutes(10));

    public Diversions {
        if (!(closedCallShare >= 0 && closedCallShare < 1)) {
            throw new IllegalArgumentException("closedCallShare must be in [0, 1)");
        }
        if (maxWaitingPhone < 1 || maxWaitingChat < 1) {
            throw new IllegalArgumentException("the waiting limits must be at least 1");
        }
        if (phoneWaitLimit.isNegative() || phoneWaitLimit.isZero()) {
            throw new IllegalArgumentException("phoneWaitLimit must be positive");
        }
    }
}
