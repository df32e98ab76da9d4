package fr.joignable.jobs.model;

/** A contact in duplicate detection, with what was already sent for it. */
public class DuplicateState {
    public String contactId;
    public long offerTs;
    public String queue;
    public String channel;
    public String intent;
    public boolean abandoned;
    public boolean sentDuplicate;
    public boolean sentAfterAbandon;

    /** Its predecessor was forgotten: its decision can no longer change. */
    public boolean frozen;

    public DuplicateState() {}
}
