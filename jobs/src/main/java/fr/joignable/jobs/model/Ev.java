package fr.joignable.jobs.model;

import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;

/**
 * One decoded input line or Kafka record as it travels through the job: a flat Flink POJO (fast
 * serializer, no Kryo). {@link #reason} is set when the input was rejected; {@link #raw} holds the
 * original bytes until the lateness check, then is dropped.
 */
public class Ev {
    /** Event type name ({@code EventType#name()}), or null when rejected. */
    public String type;

    public String eventId;
    public long ts;
    public String contactId;
    public String agentId;
    public String channel;
    public String queue;
    public String intent;
    public String tenantId;
    public String residenceId;
    public String handoffId;
    public String target;
    public String team;
    public String state;

    /** {@code DivertReason#name()} of a {@code CONTACT_DIVERTED}; null otherwise. */
    public String divertReason;

    /** Where it came from: one file, or one Kafka partition; lateness is judged per source. */
    public String source;

    public long line;
    public byte[] raw;
    public String reason;

    public Ev() {}

    public boolean rejected() {
        return reason != null;
    }

    public static Ev rejected(String reason, byte[] raw, String source, long line) {
        Ev e = new Ev();
        e.reason = reason;
        e.raw = raw;
        e.source = source;
        e.line = line;
        return e;
    }

    /** Flattens a decoded event. */
    public static Ev of(InteractionEvent event, byte[] raw, String source, long line) {
        Ev e = new Ev();
        e.type = event.type().name();
        e.eventId = event.eventId();
        e.ts = event.tsMillis();
        e.raw = raw;
        e.source = source;
        e.line = line;
        if (event instanceof ContactOffered o) {
            e.contactId = o.contactId();
            e.channel = o.channel().name();
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
            e.divertReason = d.reason().name();
        } else if (event instanceof ContactEnded a) {
            e.contactId = a.contactId();
            e.agentId = a.agentId();
        } else if (event instanceof WrapupEnded a) {
            e.contactId = a.contactId();
            e.agentId = a.agentId();
        } else if (event instanceof HandoffCreated h) {
            e.contactId = h.contactId();
            e.handoffId = h.handoffId();
            e.target = h.target().name();
            e.residenceId = h.residenceId();
        } else if (event instanceof HandoffClosed h) {
            e.handoffId = h.handoffId();
        } else if (event instanceof AgentStateChanged s) {
            e.agentId = s.agentId();
            e.team = s.team();
            e.state = s.state().name();
        }
        return e;
    }

    public boolean isContactEvent() {
        return contactId != null;
    }

    public boolean isAgentEvent() {
        return "AGENT_STATE".equals(type);
    }

    public boolean isHandoffClosed() {
        return "HANDOFF_CLOSED".equals(type);
    }
}
