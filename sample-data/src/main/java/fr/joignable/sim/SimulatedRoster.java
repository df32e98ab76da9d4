package fr.joignable.sim;

import fr.joignable.domain.table.RosterTable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agents of the simulated contact centre, and the roster CSV of {@code docs/cli.md}: {@code
 * agent_id,team,skills,fte} with skills separated by {@code ;}.
 *
 * <p>Agents follow a fixed cycle of skill profiles so that every queue is covered: technical agents
 * (TECHNIQUE, PROXIMITE, ACCUEIL), rent agents (LOYERS, DEMANDES, ACCUEIL), tenancy management
 * agents (GESTION_LOCATIVE, DEMANDES, PROXIMITE, ACCUEIL) and generalists (every queue). Every
 * fifth agent works 0.8 FTE, every eleventh 0.5 FTE.
 */
public final class SimulatedRoster {

    /** The queues of the reference taxonomy. */
    public static final List<String> QUEUES =
            List.of("LOYERS", "TECHNIQUE", "GESTION_LOCATIVE", "PROXIMITE", "DEMANDES", "ACCUEIL");

    private static final List<List<String>> PROFILES =
            List.of(
                    List.of("TECHNIQUE", "PROXIMITE", "ACCUEIL"),
                    List.of("LOYERS", "DEMANDES", "ACCUEIL"),
                    QUEUES,
                    List.of("TECHNIQUE", "PROXIMITE", "ACCUEIL"),
                    List.of("GESTION_LOCATIVE", "DEMANDES", "PROXIMITE", "ACCUEIL"),
                    List.of("LOYERS", "DEMANDES", "ACCUEIL"),
                    List.of("TECHNIQUE", "LOYERS", "ACCUEIL"),
                    QUEUES);

    private final List<AgentProfile> agents;

    private SimulatedRoster(List<AgentProfile> agents) {
        this.agents = List.copyOf(agents);
    }

    /** The roster the simulator uses for these options. */
    public static SimulatedRoster of(SimulatorOptions options) {
        List<AgentProfile> agents = new ArrayList<>();
        for (int i = 0; i < options.agents(); i++) {
            String id = String.format(Locale.ROOT, "A%03d", i + 1);
            String team = options.teams().get(i % options.teams().size());
            List<String> skills = PROFILES.get(i % PROFILES.size());
            double fte = (i % 11 == 10) ? 0.5 : (i % 5 == 4) ? 0.8 : 1.0;
            agents.add(new AgentProfile(id, team, skills, fte));
        }
        return new SimulatedRoster(agents);
    }

    public List<AgentProfile> agents() {
        return agents;
    }

    /** Writes the roster CSV with its header row ({@link RosterTable#write}). */
    public void writeCsv(Writer out) throws IOException {
        List<RosterTable.Row> rows = new ArrayList<>(agents.size());
        for (AgentProfile a : agents) {
            rows.add(new RosterTable.Row(a.agentId(), a.team(), a.skills(), a.fte(), 0));
        }
        RosterTable.write(out, rows);
    }
}
