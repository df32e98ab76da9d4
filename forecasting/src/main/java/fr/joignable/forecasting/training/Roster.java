package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.RosterTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent roster CSV {@code agent_id,team,skills,fte}: {@code skills} are queue names separated
 * by {@code ;} (empty entries ignored, repeats merged, an empty field means no skill yet); {@code
 * fte} is a decimal in (0, 1]. Duplicate agents, malformed queue names, FTE out of range or
 * unparseable and a wrong header are input errors naming the file, line and value.
 */
public record Roster(Path source, List<Agent> agents) {

    public static final List<String> HEADER = RosterTable.COLUMNS;

    public Roster {
        agents = List.copyOf(agents);
    }

    /**
     * Reads a roster file through the table's one reader ({@link RosterTable#read}), then checks
     * what training needs besides: every agent in a team, every skill a well-formed queue name.
     */
    public static Roster read(Path file) {
        List<Agent> agents = new ArrayList<>();
        for (RosterTable.Row row : RosterTable.read(file)) {
            String where = file + " line " + row.line() + ": ";
            if (row.team().isEmpty()) {
                throw new InputException(where + "empty team for agent '" + row.agentId() + "'");
            }
            for (String skill : row.skills()) {
                if (!QueueNames.isValid(skill)) {
                    throw new InputException(
                            where
                                    + "malformed queue name '"
                                    + skill
                                    + "' in skills '"
                                    + String.join(RosterTable.SKILL_SEPARATOR, row.skills())
                                    + "'");
                }
            }
            agents.add(
                    new Agent(
                            row.agentId(),
                            row.team(),
                            new ArrayList<>(row.skills()),
                            row.fte(),
                            row.line()));
        }
        return new Roster(file, agents);
    }

    public double totalFte() {
        double sum = 0;
        for (Agent a : agents) {
            sum += a.fte();
        }
        return sum;
    }
}
