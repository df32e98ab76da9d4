package fr.joignable.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The agents of the roster, in roster order (the order ties between agents are broken in). */
final class AgentPool {

    private final List<Agent> agents;

    AgentPool(SimulatedRoster roster) {
        List<Agent> list = new ArrayList<>();
        for (AgentProfile p : roster.agents()) {
            list.add(new Agent(p, list.size()));
        }
        this.agents = Collections.unmodifiableList(list);
    }

    List<Agent> agents() {
        return agents;
    }

    int size() {
        return agents.size();
    }

    /** Agents READY and waiting for work. */
    int idleCount() {
        int n = 0;
        for (Agent a : agents) {
            if (a.idle) {
                n++;
            }
        }
        return n;
    }
}
