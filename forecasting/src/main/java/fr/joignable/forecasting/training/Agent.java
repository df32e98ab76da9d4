package fr.joignable.forecasting.training;

import java.util.List;

/**
 * One agent of the roster: his pseudonymous id, team, the queues he is trained for (in the order of
 * the file, without duplicates) and his FTE in (0, 1] — the most of one interval he can work.
 *
 * @param line the line of the roster file that declares him (for messages)
 */
public record Agent(String id, String team, List<String> skills, double fte, int line) {

    public Agent {
        skills = List.copyOf(skills);
    }
}
