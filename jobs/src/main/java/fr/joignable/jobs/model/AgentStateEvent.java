package fr.joignable.jobs.model;

/** A buffered agent state event, waiting for the watermark. */
public class AgentStateEvent {
    public long ts;
    public String eventId;
    public String team;
    public String state;

    public AgentStateEvent() {}

    public AgentStateEvent(long ts, String eventId, String team, String state) {
        this.ts = ts;
        this.eventId = eventId;
        this.team = team;
        this.state = state;
    }
}
