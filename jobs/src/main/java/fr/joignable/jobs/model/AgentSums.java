package fr.joignable.jobs.model;

/** Milliseconds per state of one team in one interval. */
public class AgentSums {
    public long ready;
    public long busy;
    public long wrap;
    public long notReady;

    public AgentSums() {}

    public long[] asArray() {
        return new long[] {ready, busy, wrap, notReady};
    }
}
