package fr.joignable.jobs.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A handoff as the contact knows it: created time, target, and the contact's queue and intent.
 * Serialized by {@link HandoffInfoSerializer}.
 */
@TypeInfo(HandoffInfoSerializer.Factory.class)
public class HandoffInfo {
    public String handoffId;
    public String contactId;
    public long createdAt;
    public String target;
    public String residenceId;
    public String queue;
    public String intent;

    public HandoffInfo() {}
}
