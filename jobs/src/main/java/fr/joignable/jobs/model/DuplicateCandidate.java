package fr.joignable.jobs.model;

/**
 * What duplicate detection needs of one identified contact, sent by the contact stage; keyed by
 * tenant and intent (the tenant id never leaves the job).
 */
public class DuplicateCandidate {
    public String dupKey;
    public String contactId;
    public long offerTs;
    public String queue;
    public String channel;
    public String intent;
    public boolean abandoned;

    public DuplicateCandidate() {}
}
