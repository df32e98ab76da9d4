package fr.joignable.jobs.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What duplicate detection needs of one identified contact, sent by the contact stage; keyed by
 * tenant and intent (the tenant id never leaves the job). Serialized by {@link
 * DuplicateCandidateSerializer}.
 */
@TypeInfo(DuplicateCandidateSerializer.Factory.class)
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
