package fr.joignable.domain.table;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent roster ({@code roster.csv}), written by {@code generate}, read by {@code staff}, {@code
 * simulate}, {@code schedule} and {@code training-gaps}: {@code skills} are queue names separated
 * by {@code ;} (empty entries ignored, repeats merged, an empty field means no skill yet), {@code
 * fte} a decimal in (0, 1]; RFC 4180 quoting. {@code generate} writes exactly {@link #HEADER}; a
 * roster exported by another tool is read by column name: {@code agent_id}, {@code skills} and
 * {@code fte} are required, {@code team} is optional (empty when absent), the order is free and
 * other columns (a name, a site) are ignored.
 */
public final class RosterTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER = "agent_id,team,skills,fte";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The columns a roster must have; {@code team} may be missing. */
    public static final List<String> REQUIRED = List.of("agent_id", "skills", "fte");

    /** The separator of the skills inside their field. */
    public static final String SKILL_SEPARATOR = ";";

    /**
     * One agent: the queues he is trained for, his contract, and the line of the file he was read
     * from (0 for an agent not read from a file).
     */
    public record Row(String agentId, String team, List<String> skills, double fte, int line) {

        public Row {
            skills = List.copyOf(skills);
        }
    }

    private RosterTable() {}

    /**
     * Reads {@code file}: agent ids non-empty and unique, skills split and merged, fte in (0, 1],
     * at least one agent. Errors name the file, line and value.
     */
    public static List<Row> read(Path file) {
        Csv.Table t = Csv.read(file).require(REQUIRED, "the roster's header is " + HEADER);
        List<Row> agents = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Csv.Row row : t.rows()) {
            String where = row.at() + ": ";
            String id = row.get("agent_id");
            if (id.isEmpty()) {
                throw new InputException(where + "empty agent_id");
            }
            Integer previous = firstLine.putIfAbsent(id, row.line());
            if (previous != null) {
                throw new InputException(
                        where + "duplicate agent_id '" + id + "' (first on line " + previous + ")");
            }
            LinkedHashSet<String> skills = new LinkedHashSet<>();
            for (String raw : row.get("skills").split(SKILL_SEPARATOR, -1)) {
                String skill = raw.strip();
                if (!skill.isEmpty()) {
                    skills.add(skill);
                }
            }
            String fteField = row.get("fte");
            Double fte = Csv.decimal(fteField);
            if (fte == null) {
                throw new InputException(where + "fte '" + fteField + "' is not a number");
            }
            if (!(fte > 0 && fte <= 1)) {
                throw new InputException(
                        where + "fte " + fteField + " of agent '" + id + "' outside (0, 1]");
            }
            agents.add(new Row(id, row.get("team", ""), new ArrayList<>(skills), fte, row.line()));
        }
        if (agents.isEmpty()) {
            throw new InputException(file + ": no agents in the roster");
        }
        return agents;
    }

    /**
     * Writes the header and the agents, {@code fte} with one decimal as {@code generate} does, or
     * with all its decimals when it has more ({@code 0.75} stays {@code 0.75}: a roster read and
     * written again keeps every contract).
     */
    public static void write(Writer out, List<Row> agents) throws IOException {
        Csv.write(
                out,
                HEADER,
                agents,
                a ->
                        List.of(
                                a.agentId(),
                                a.team(),
                                String.join(SKILL_SEPARATOR, a.skills()),
                                fte(a.fte())));
    }

    static String fte(double fte) {
        String one = String.format(Locale.ROOT, "%.1f", fte);
        return Double.parseDouble(one) == fte
                ? one
                : java.math.BigDecimal.valueOf(fte).stripTrailingZeros().toPlainString();
    }
}
