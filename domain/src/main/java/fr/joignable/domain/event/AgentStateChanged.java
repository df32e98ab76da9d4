package fr.joignable.domain.event;

import java.time.Instant;
import java.util.Objects;

/** An agent enters a state ({@code AGENT_STATE}); it lasts until the agent's next one. */
public record AgentStateChanged(
        String eventId, Instant ts, String agentId, String team, AgentState state)
        implements InteractionEvent {

    public AgentStateChanged {
        Events.required(eventId, "eventId");
        ts = Events.millis(ts);
        Events.required(agentId, "agentId");
        Events.required(team, "team");
        Objects.requireNonNull(state, "state");
    }

    public static AgentStateChanged of(
            String eventId, Instant ts, String agentId, String team, AgentState state) {
        return new AgentStateChanged(eventId, ts, agentId, team, state);
    }

    @Override
    public EventType type() {
        return EventType.AGENT_STATE;
    }

    @Override
    public String key() {
        return agentId;
    }
}
