package fr.joignable.inputs;

import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns {@code queue_log} lines into interaction events ({@code docs/inputs.md} lists every event).
 * A contact is one (callid, queue) pair, its {@code contactId} {@code callid@queue}:
 *
 * <ul>
 *   <li>{@code ENTERQUEUE} → {@code CONTACT_OFFERED};
 *   <li>{@code CONNECT} → {@code CONTACT_ANSWERED} (and the agent {@code BUSY});
 *   <li>{@code COMPLETECALLER}, {@code COMPLETEAGENT}, {@code BLINDTRANSFER}, {@code
 *       ATTENDEDTRANSFER}, {@code TRANSFER} → {@code CONTACT_ENDED};
 *   <li>{@code WRAPUPSTART} (data1 seconds) → {@code WRAPUP_ENDED} that long after it;
 *   <li>{@code ABANDON} → {@code CONTACT_ABANDONED};
 *   <li>{@code CONTACT_DIVERTED}: {@code EXITWITHTIMEOUT} TIMEOUT; {@code EXITEMPTY}, {@code
 *       JOINEMPTY}, {@code JOINUNAVAIL}, {@code LEAVEEMPTY} NO_AGENT; {@code EXITWITHKEY} MENU;
 *       {@code FULL}, {@code DIVERT_CA_RATIO}, {@code DIVERT_HOLDTIME} FULL; {@code CLOSED} CLOSED.
 * </ul>
 *
 * <p>A contact with no {@code ENTERQUEUE} in the input (a refusal that never joined the queue, or a
 * call that entered before the log starts) gets a {@code CONTACT_OFFERED} at its first outcome
 * minus the wait Asterisk recorded on it ({@code CONNECT} data1, {@code ABANDON}/{@code EXIT*}
 * data3, {@code EXITWITHKEY} data4; refusals carry none: at the same time). In bulk mode this is
 * decided at the end of the input, so line order does not matter; in live mode only for the
 * refusals of a call joining the queue ({@code FULL}, {@code CLOSED}, {@code JOINEMPTY}, {@code
 * JOINUNAVAIL}, {@code DIVERT_*}), whose {@code ENTERQUEUE} never exists.
 *
 * <p>Event ids hash the line's content, so a line repeated verbatim, or a file converted twice,
 * gives the same ids; in bulk mode a repeated line is also reported as skipped. Lines that give no
 * event (rings to one agent, system lines, unknown events, malformed lines) are counted in {@link
 * Skips} with their reason.
 */
public final class QueueLogConverter {

    /** Bulk (a whole file: order-independent) or live (a followed log: immediate). */
    public enum Mode {
        BULK,
        LIVE
    }

    private static final long MAX_MILLIS = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
    private static final int LIVE_ENTERED_KEPT = 200_000;

    private final Mode mode;
    private final Mapping mapping;
    private final Consumer<InteractionEvent> sink;
    private final Consumer<InteractionEvent> out;
    private final Skips skips;
    private final AgentStates agents;
    private final LongSet seenLines = new LongSet();
    private final EventIds.Hasher hasher = new EventIds.Hasher();
    private final StringBuilder canonical = new StringBuilder(128);
    private final Set<String> entered;
    private final Map<String, InteractionEvent> synthesized = new HashMap<>();
    private long lines;
    private long events;

    public QueueLogConverter(
            Mode mode, Mapping mapping, Consumer<InteractionEvent> out, Skips skips) {
        this.mode = mode;
        this.mapping = mapping;
        this.skips = skips;
        this.out = this::emitCounted;
        this.agents = new AgentStates(mode == Mode.BULK, mapping, this::emitCounted);
        this.entered =
                mode == Mode.BULK
                        ? new HashSet<>()
                        : java.util.Collections.newSetFromMap(
                                new LinkedHashMap<>() {
                                    @Override
                                    protected boolean removeEldestEntry(
                                            Map.Entry<String, Boolean> e) {
                                        return size() > LIVE_ENTERED_KEPT;
                                    }
                                });
        this.sink = out;
    }

    private void emitCounted(InteractionEvent e) {
        events++;
        sink.accept(e);
    }

    /** Lines given to {@link #accept}. */
    public long lines() {
        return lines;
    }

    /** Events emitted so far. */
    public long events() {
        return events;
    }

    /** Live mode: emits agent states of the current instant (call when the input is idle). */
    public void flush() {
        agents.flush();
    }

    /** End of input (bulk: emits the synthesised offers and the agent states). */
    public void finish() {
        List<String> keys = new ArrayList<>(synthesized.keySet());
        keys.sort(null);
        for (String k : keys) {
            if (!entered.contains(k)) {
                out.accept(synthesized.get(k));
            }
        }
        synthesized.clear();
        agents.finish();
    }

    /** Converts one line. */
    public void accept(QueueLogLine l) {
        long skipped = skips.total();
        convert(l);
        if (skips.total() == skipped) {
            skips.used();
        }
    }

    private void convert(QueueLogLine l) {
        lines++;
        if (l.epochMillis() < 0 || l.epochMillis() >= MAX_MILLIS) {
            skips.add(l.where(), "time out of range (1970 to 2200)");
            return;
        }
        String hash = hasher.hash(l.canonical(canonical));
        if (mode == Mode.BULK && !seenLines.add(hasher.last64())) {
            skips.add(l.where(), "line repeated verbatim (counted once)");
            return;
        }
        String event = l.event().strip();
        Instant ts = Instant.ofEpochMilli(l.epochMillis());
        switch (event) {
            case "ENTERQUEUE" -> onContact(l, hash, ts, Outcome.OFFER, null, 0);
            case "CONNECT" -> onContact(l, hash, ts, Outcome.ANSWER, null, seconds(l.data(1)));
            case "COMPLETECALLER",
                    "COMPLETEAGENT",
                    "BLINDTRANSFER",
                    "ATTENDEDTRANSFER",
                    "TRANSFER" ->
                    onContact(l, hash, ts, Outcome.END, null, 0);
            case "WRAPUPSTART" -> onContact(l, hash, ts, Outcome.WRAPUP, null, 0);
            case "ABANDON" -> onContact(l, hash, ts, Outcome.ABANDON, null, seconds(l.data(3)));
            case "EXITWITHTIMEOUT" ->
                    onContact(l, hash, ts, Outcome.DIVERT, DivertReason.TIMEOUT, wait3(l));
            case "EXITEMPTY", "LEAVEEMPTY" ->
                    onContact(l, hash, ts, Outcome.DIVERT, DivertReason.NO_AGENT, wait3(l));
            case "JOINEMPTY", "JOINUNAVAIL" ->
                    onContact(l, hash, ts, Outcome.REFUSE, DivertReason.NO_AGENT, 0);
            case "EXITWITHKEY" ->
                    onContact(l, hash, ts, Outcome.DIVERT, DivertReason.MENU, seconds(l.data(4)));
            case "FULL", "DIVERT_CA_RATIO", "DIVERT_HOLDTIME" ->
                    onContact(l, hash, ts, Outcome.REFUSE, DivertReason.FULL, 0);
            case "CLOSED" -> onContact(l, hash, ts, Outcome.REFUSE, DivertReason.CLOSED, 0);
            case "RINGNOANSWER", "RINGCANCELED" ->
                    skips.add(l.where(), event + ": a ring to one agent, not an outcome");
            case "ADDMEMBER" -> onAgent(l, AgentStates.Kind.ADD);
            case "REMOVEMEMBER" -> onAgent(l, AgentStates.Kind.REMOVE);
            case "AGENTLOGIN", "AGENTCALLBACKLOGIN" -> onAgent(l, AgentStates.Kind.LOGIN);
            case "AGENTLOGOFF", "AGENTCALLBACKLOGOFF" -> onAgent(l, AgentStates.Kind.LOGOFF);
            case "PAUSE", "PAUSEALL" -> onAgent(l, AgentStates.Kind.PAUSE);
            case "UNPAUSE", "UNPAUSEALL" -> onAgent(l, AgentStates.Kind.UNPAUSE);
            case "QUEUESTART", "CONFIGRELOAD", "QUEUEEND", "INFO", "SYSCOMPAT" ->
                    skips.add(l.where(), event + ": a system line");
            case "AGENTDUMP", "ENTERQUEUE_FAILED", "UPDATEFIELD", "PRESENCE", "REASON" ->
                    skips.add(l.where(), event + ": no KPI meaning");
            default ->
                    skips.add(
                            l.where(),
                            "unknown event '"
                                    + (event.length() > 40 ? event.substring(0, 40) : event)
                                    + "'");
        }
    }

    private enum Outcome {
        OFFER,
        ANSWER,
        END,
        WRAPUP,
        ABANDON,
        DIVERT,
        REFUSE
    }

    private void onContact(
            QueueLogLine l, String hash, Instant ts, Outcome o, DivertReason reason, long waitS) {
        String callId = l.callId().strip();
        String queue = l.queue().strip();
        if (callId.isEmpty() || callId.equals("NONE")) {
            skips.add(l.where(), l.event() + " without a callid");
            return;
        }
        if (queue.isEmpty() || queue.equals("NONE")) {
            skips.add(l.where(), l.event() + " without a queue");
            return;
        }
        QueueSpec q = mapping.queue(queue);
        String key = callId + "@" + q.name();
        String agent = agentOf(l);
        switch (o) {
            case OFFER -> {
                entered.add(key);
                synthesized.remove(key);
                out.accept(offer("q" + hash + ".o", ts, key, q, l));
            }
            case ANSWER -> {
                if (agent == null) {
                    skips.add(l.where(), "CONNECT without an agent");
                    return;
                }
                out.accept(ContactAnswered.of("q" + hash + ".a", ts, key, agent));
                agents.accept(
                        l.epochMillis(),
                        agent,
                        q.name(),
                        q.team(),
                        AgentStates.Kind.CONNECT,
                        key,
                        0);
                candidate(key, ts, waitS, q, l);
            }
            case END -> {
                if (agent == null) {
                    skips.add(l.where(), l.event() + " without an agent");
                    return;
                }
                out.accept(ContactEnded.of("q" + hash + ".e", ts, key, agent));
                agents.accept(
                        l.epochMillis(), agent, q.name(), q.team(), AgentStates.Kind.END, key, 0);
            }
            case WRAPUP -> {
                long s = seconds(l.data(1));
                if (agent == null || s < 0) {
                    skips.add(l.where(), "WRAPUPSTART without an agent or its seconds");
                    return;
                }
                out.accept(WrapupEnded.of("q" + hash + ".w", ts.plusSeconds(s), key, agent));
                agents.accept(
                        l.epochMillis(),
                        agent,
                        q.name(),
                        q.team(),
                        AgentStates.Kind.WRAPUP,
                        key,
                        s * 1000);
            }
            case ABANDON -> {
                out.accept(ContactAbandoned.of("q" + hash + ".x", ts, key));
                candidate(key, ts, waitS, q, l);
            }
            case DIVERT -> {
                out.accept(ContactDiverted.of("q" + hash + ".d", ts, key, reason));
                candidate(key, ts, waitS, q, l);
            }
            case REFUSE -> {
                out.accept(ContactDiverted.of("q" + hash + ".d", ts, key, reason));
                if (mode == Mode.LIVE) {
                    if (entered.add(key)) {
                        out.accept(offer("q" + hash + ".o", ts, key, q, l));
                    }
                } else {
                    candidate(key, ts, 0, q, l);
                }
            }
            default -> throw new IllegalStateException(o.name());
        }
    }

    /** Bulk mode: the offer this line would imply if the contact has no ENTERQUEUE. */
    private void candidate(String key, Instant ts, long waitS, QueueSpec q, QueueLogLine l) {
        if (mode != Mode.BULK || entered.contains(key)) {
            return; // the common case in a time-ordered file: its ENTERQUEUE came first
        }
        Instant at = ts.minusSeconds(Math.max(0, waitS));
        InteractionEvent prev = synthesized.get(key);
        if (prev == null || at.isBefore(prev.ts())) {
            String id = "qs" + hasher.hash(key + "|" + at.toEpochMilli());
            synthesized.put(key, offer(id, at, key, q, l));
        }
    }

    private ContactOffered offer(String id, Instant ts, String key, QueueSpec q, QueueLogLine l) {
        String tenant = null;
        if (mapping.callerIdAsTenant() && l.event().equals("ENTERQUEUE")) {
            tenant = callerNumber(l.data(2));
        }
        return ContactOffered.of(
                id, ts, key, q.channel(), q.name(), q.intent(), q.priority(), tenant, null);
    }

    private void onAgent(QueueLogLine l, AgentStates.Kind kind) {
        String agent = agentOf(l);
        if (agent == null) {
            skips.add(l.where(), l.event() + " without an agent");
            return;
        }
        String queue = l.queue().strip();
        boolean real = !queue.isEmpty() && !queue.equals("NONE");
        QueueSpec q = real ? mapping.queue(queue) : null;
        agents.accept(
                l.epochMillis(),
                agent,
                real ? q.name() : null,
                real ? q.team() : null,
                kind,
                null,
                0);
    }

    private static String agentOf(QueueLogLine l) {
        String a = l.agent().strip();
        return a.isEmpty() || a.equals("NONE") ? null : a;
    }

    /** The caller's number from ENTERQUEUE's data2 ({@code 0612…} or {@code "Name" <0612…>}). */
    static String callerNumber(String callerId) {
        String c = callerId.strip();
        int lt = c.lastIndexOf('<');
        int gt = c.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            c = c.substring(lt + 1, gt).strip();
        }
        if (c.isEmpty()
                || c.equalsIgnoreCase("unknown")
                || c.equalsIgnoreCase("anonymous")
                || c.equalsIgnoreCase("restricted")) {
            return null;
        }
        return c;
    }

    private static long wait3(QueueLogLine l) {
        return seconds(l.data(3));
    }

    /** A whole number of seconds, or -1 when absent or not a number. */
    static long seconds(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 12) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
