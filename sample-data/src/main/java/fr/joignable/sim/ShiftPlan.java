package fr.joignable.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One agent's shift on one day as the simulation plays it: he logs in at {@code login}, takes each
 * activity of {@code activities} when it is due (break, lunch, training; after the contact in hand)
 * and logs out at {@code logout} (after the contact in hand, too).
 *
 * @param login start of the shift
 * @param logout end of the shift, after {@code login}
 * @param activities the shift's breaks, lunch and training, in the order planned (a logout is not
 *     one of them)
 */
record ShiftPlan(Instant login, Instant logout, List<Activity> activities) {

    ShiftPlan {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(logout, "logout");
        if (!logout.isAfter(login)) {
            throw new IllegalArgumentException("a shift ends after it starts");
        }
        activities = List.copyOf(activities);
        for (Activity a : activities) {
            if (a.kind() == Activity.Kind.LOGOUT) {
                throw new IllegalArgumentException("the logout is not an activity of the plan");
            }
        }
    }

    /** Whether the agent is in his shift at {@code t}: from login (included) to logout. */
    boolean covers(Instant t) {
        return !t.isBefore(login) && t.isBefore(logout);
    }
}
