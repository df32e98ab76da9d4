package fr.joignable.sim;

import fr.joignable.domain.event.AgentState;
import java.util.ArrayDeque;

/**
 * One agent of the pool during the run: his state as the telephony reports it, whether he is idle
 * (READY and waiting for work, since {@code idleSince}), the contact in hand, and the activities
 * that came due while he was busy (played in order as soon as he is free).
 */
final class Agent {

    final AgentProfile profile;

    /** Position in the roster (0-based). */
    final int position;

    final ArrayDeque<Activity> due = new ArrayDeque<>();
    AgentState state = AgentState.LOGGED_OUT;
    boolean idle;
    long idleSince;
    Contact current;

    Agent(AgentProfile profile, int position) {
        this.profile = profile;
        this.position = position;
    }

    String id() {
        return profile.agentId();
    }
}
