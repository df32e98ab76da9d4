package fr.joignable.jobs.model;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventType;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One decoded input line or Kafka record as it travels through the job: flat, with the domain's
 * enums for the closed vocabularies (type, channel, state, divert reason, handoff target), and its
 * own hand-written serializer ({@link JobEventSerializer}, declared by {@link TypeInfo}): no
 * reflection, no Kryo. {@link #reason} is set when the input was rejected; {@link #raw} holds the
 * original bytes until the lateness check, then is dropped.
 */
@TypeInfo(JobEventTypeInfo.Factory.class)
public class JobEvent {
    /** Event type, or null when rejected. */
    public EventType type;

    public String eventId;
    public long ts;
    public String contactId;
    public String agentId;
    public Channel channel;
    public String queue;
    public String intent;
    public String tenantId;
    public String residenceId;
    public String handoffId;
    public HandoffTarget target;
    public String team;
    public AgentState state;

    /** {@code reason} of a {@code CONTACT_DIVERTED}, else null. */
    public DivertReason divertReason;

    /** Where it came from: one file, or one Kafka partition; lateness is judged per source. */
    public String source;

    public long line;
    public byte[] raw;
    public String reason;

    public JobEvent() {}

    public boolean rejected() {
        return reason != null;
    }

    public static JobEvent rejected(String reason, byte[] raw, String source, long line) {
        JobEvent e = new JobEvent();
        e.reason = reason;
        e.raw = raw;
        e.source = source;
        e.line = line;
        return e;
    }

    /** Flattens a decoded event. */
    public static JobEvent of(InteractionEvent event, byte[] raw, String source, long line) {
        JobEvent e = new JobEvent();
        e.type = event.type();
        e.eventId = event.eventId();
        e.ts = event.tsMillis();
        e.raw = raw;
        e.source = source;
        e.line = line;
        if (event instanceof ContactOffered o) {
            e.contactId = o.contactId();
            e.channel = o.channel();
            e.queue = o.queue();
            e.intent = o.intent();
            e.tenantId = o.tenantId();
            e.residenceId = o.residenceId();
        } else if (event instanceof ContactAnswered a) {
            e.contactId = a.contactId();
            e.agentId = a.agentId();
        } else if (event instanceof ContactAbandoned a) {
            e.contactId = a.contactId();
        } else if (event instanceof ContactDiverted d) {
            e.contactId = d.contactId();
            e.divertReason = d.reason();
        } else if (event instanceof ContactEnded a) {
            e.contactId = a.contactId();
            e.agentId = a.agentId();
        } else if (event instanceof WrapupEnded a) {
            e.contactId = a.contactId();
            e.agentId = a.agentId();
        } else if (event instanceof HandoffCreated h) {
            e.contactId = h.contactId();
            e.handoffId = h.handoffId();
            e.target = h.target();
            e.residenceId = h.residenceId();
        } else if (event instanceof HandoffClosed h) {
            e.handoffId = h.handoffId();
        } else if (event instanceof AgentStateChanged s) {
            e.agentId = s.agentId();
            e.team = s.team();
            e.state = s.state();
        }
        return e;
    }

    public boolean isContactEvent() {
        return contactId != null;
    }

    public boolean isAgentEvent() {
        return type == EventType.AGENT_STATE;
    }

    public boolean isHandoffClosed() {
        return type == EventType.HANDOFF_CLOSED;
    }

    /** The constant's name, or null: what the operators keep in their (string-typed) state. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
