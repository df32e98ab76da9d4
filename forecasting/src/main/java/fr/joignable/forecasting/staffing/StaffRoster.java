package fr.joignable.forecasting.staffing;

import fr.joignable.domain.table.RosterTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A roster CSV ({@code agent_id,team,skills,fte}; {@code skills} queue names separated by {@code
 * ;}; {@code fte} in (0, 1]), as {@code docs/cli.md} describes it.
 */
public record StaffRoster(List<Agent> agents) {

    /** One agent: the queues he is trained for, his contract. */
    public record Agent(String agentId, String team, List<String> skills, double fte) {}

    public static final String HEADER = RosterTable.HEADER;

    public StaffRoster {
        agents = List.copyOf(agents);
    }

    /** Reads a roster file through the table's one reader ({@link RosterTable#read}). */
    public static StaffRoster read(Path file) {
        List<Agent> agents = new ArrayList<>();
        for (RosterTable.Row r : RosterTable.read(file)) {
            agents.add(new Agent(r.agentId(), r.team(), r.skills(), r.fte()));
        }
        return new StaffRoster(agents);
    }

    /** Total full-time equivalents. */
    public double fte() {
        return agents.stream().mapToDouble(Agent::fte).sum();
    }
}
