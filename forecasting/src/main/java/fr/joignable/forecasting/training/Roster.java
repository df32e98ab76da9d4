package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.RosterTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

    public static Roster read(Path file) {
        List<Agent> agents = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvLines.Row row : CsvLines.read(file, HEADER)) {
            String where = file + " line " + row.line() + ": ";
            String id = row.fields().get(0);
            String team = row.fields().get(1);
            String skillsField = row.fields().get(2);
            String fteField = row.fields().get(3);
            if (id.isEmpty()) {
                throw new InputException(where + "empty agent_id");
            }
            Integer previous = firstLine.putIfAbsent(id, row.line());
            if (previous != null) {
                throw new InputException(
                        where + "duplicate agent_id '" + id + "' (first on line " + previous + ")");
            }
            if (team.isEmpty()) {
                throw new InputException(where + "empty team for agent '" + id + "'");
            }
            LinkedHashSet<String> skills = new LinkedHashSet<>();
            for (String raw : skillsField.split(";", -1)) {
                String skill = raw.strip();
                if (skill.isEmpty()) {
                    continue;
                }
                if (!QueueNames.isValid(skill)) {
                    throw new InputException(
                            where
                                    + "malformed queue name '"
                                    + skill
                                    + "' in skills '"
                                    + skillsField
                                    + "'");
                }
                skills.add(skill);
            }
            Double parsed = CsvLines.decimal(fteField);
            if (parsed == null) {
                throw new InputException(where + "fte '" + fteField + "' is not a number");
            }
            double fte = parsed;
            if (!(fte > 0 && fte <= 1)) {
                throw new InputException(
                        where + "fte " + fteField + " of agent '" + id + "' outside (0, 1]");
            }
            agents.add(new Agent(id, team, new ArrayList<>(skills), fte, row.line()));
        }
        if (agents.isEmpty()) {
            throw new InputException(file + ": no agents in the roster");
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
