package fr.joignable.sim;

import java.util.List;
import java.util.Objects;

/**
 * One agent of the roster.
 *
 * @param agentId {@code A001}...
 * @param team the agent's team, e.g. {@code EQUIPE_NORD}
 * @param skills the queues the agent is trained for, in a stable order
 * @param fte full-time equivalent in (0, 1]: 1.0 works every working day, 0.8 has one weekday off,
 *     0.5 works mornings only
 */
public record AgentProfile(String agentId, String team, List<String> skills, double fte) {

    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(team, "team");
        skills = List.copyOf(skills);
        if (!(fte > 0 && fte <= 1)) {
            throw new IllegalArgumentException("fte must be in (0, 1]");
        }
    }

    public boolean trainedIn(String queue) {
        return skills.contains(queue);
    }
}
