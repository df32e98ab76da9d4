package fr.joignable.jobs.model;

/** One row of the {@code handoffs} table; {@code closedAt}/{@code closingS} null while open. */
public class HandoffRow {
    public String handoffId;
    public String contactId;
    public long createdAt;
    public Long closedAt;
    public String target;
    public String residenceId;
    public String queue;
    public String intent;
    public Double closingS;

    public HandoffRow() {}
}
