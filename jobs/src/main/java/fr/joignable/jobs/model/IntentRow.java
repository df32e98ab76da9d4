package fr.joignable.jobs.model;

/** One row of the {@code intent_intervals} table. */
public class IntentRow {
    public long intervalStart;
    public String queue;
    public String channel;
    public String intent;
    public long offered;
    public long identified;
    public long abandoned;
    public long duplicates;
    public long duplicatesAfterAbandon;
    public long diverted;
    public long closed;

    public IntentRow() {}
}
