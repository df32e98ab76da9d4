package fr.joignable.jobs.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Time one agent spent in one state inside one interval, for its team. Serialized by {@link
 * AgentSegmentSerializer}.
 */
@TypeInfo(AgentSegmentSerializer.Factory.class)
public class AgentSegment {
    public long intervalStart;
    public String team;
    public String state;
    public long millis;

    public AgentSegment() {}

    public AgentSegment(long intervalStart, String team, String state, long millis) {
        this.intervalStart = intervalStart;
        this.team = team;
        this.state = state;
        this.millis = millis;
    }

    public String cellKey() {
        return intervalStart + "|" + team;
    }
}
