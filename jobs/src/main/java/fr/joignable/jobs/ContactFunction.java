package fr.joignable.jobs;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.DuplicateCandidate;
import fr.joignable.jobs.model.HandoffInfo;
import fr.joignable.jobs.model.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code contactId}: gathers a contact's offer and outcomes, derives its wait, talk and
 * wrap-up, and emits its signed contributions ({@link ContactDelta}) once the watermark passes each
 * of its events (a changed contact first retracts what it sent before). Decisions are taken on
 * event-time timers, never on arrival: an outcome may arrive before its offer within the
 * out-of-orderness, so a contact with outcomes but no offer is counted as orphan (and left out of
 * the KPIs) only when the watermark passes the outcome. State is cleared when the contact is final:
 * {@code contact-horizon} after its offer, or at the end of the input.
 *
 * <p>A contact has one outcome ({@link Kpis#outcome}): answered, else the earlier of abandoned and
 * diverted. Where two events of a kind disagree, the earliest counts; at equal times the offer with
 * the smaller eventId and the diversion reason first in alphabetical order, so that the result
 * never depends on the order of arrival.
 *
 * <p>Identified contacts are also sent to duplicate detection ({@link Tags#DUP_ENTRIES}), and
 * handoffs with the contact's queue and intent to the handoff stage ({@link Tags#HANDOFFS}).
 */
public final class ContactFunction extends KeyedProcessFunction<Object, JobEvent, ContactDelta> {

    private static final long serialVersionUID = 1L;
    private static final String CLOSED = DivertReason.CLOSED.name();

    /** Everything known of one contact. */
    public static class ContactState {
        public long offerTs = Kpis.NONE;
        public String offerEventId;
        public String channel;
        public String queue;
        public String intent;
        public String tenantId;
        public long answerTs = Kpis.NONE;
        public long abandonTs = Kpis.NONE;
        public long divertTs = Kpis.NONE;
        public String divertReason;
        public long endTs = Kpis.NONE;
        public long wrapTs = Kpis.NONE;
        public int outcomes;
        public boolean emitted;
        public long sentAnswerTs = Kpis.NONE;
        public long sentAbandonTs = Kpis.NONE;
        public long sentDivertTs = Kpis.NONE;
        public String sentDivertReason;
        public long sentEndTs = Kpis.NONE;
        public long sentWrapTs = Kpis.NONE;
        public boolean dupSent;
        public boolean dupSentAbandoned;

        public ContactState() {}
    }

    private final ChannelThresholds thresholds;
    private final long horizonMs;
    private final boolean hashedKeys;
    private final boolean bounded;
    private transient SortKeys.Ids ids;
    private transient ValueState<ContactState> state;
    private transient ListState<HandoffInfo> handoffs;
    private transient LongCounter orphans;
    private transient org.apache.flink.metrics.Counter orphansMetric;

    public ContactFunction(ChannelThresholds thresholds, long horizonMs) {
        this(thresholds, horizonMs, false, false);
    }

    /**
     * {@code hashedKeys}: keyed by a hash of the contactId ({@link SortKeys}, bounded runs); {@code
     * bounded}: a batch run, whose timers fire when the key's input ends, so a contact needs one
     * ({@link KpiJob#BOUNDED_TIMER}): the first to fire decides it whole.
     */
    public ContactFunction(
            ChannelThresholds thresholds, long horizonMs, boolean hashedKeys, boolean bounded) {
        this.thresholds = thresholds;
        this.horizonMs = horizonMs;
        this.hashedKeys = hashedKeys;
        this.bounded = bounded;
    }

    @Override
    public void open(OpenContext ctx) {
        if (hashedKeys) {
            ids = new SortKeys.Ids(getRuntimeContext(), "contacts");
        }
        state =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("contact", ContactState.class));
        handoffs =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("handoffs", HandoffInfo.class));
        orphans = getRuntimeContext().getLongCounter(Tags.ORPHANS);
        orphansMetric =
                JobMetrics.group(getRuntimeContext().getMetricGroup()).counter("eventsOrphaned");
    }

    @Override
    public void processElement(JobEvent ev, Context ctx, Collector<ContactDelta> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(ev.contactId);
        }
        ContactState s = state.value();
        if (s == null) {
            s = new ContactState();
        }
        switch (ev.type) {
            case CONTACT_OFFERED -> {
                if (s.offerTs == Kpis.NONE
                        || ev.ts < s.offerTs
                        || (ev.ts == s.offerTs
                                && s.offerEventId != null
                                && ev.eventId.compareTo(s.offerEventId) < 0)) {
                    s.offerTs = ev.ts;
                    s.offerEventId = ev.eventId;
                    s.channel = ev.channel.name();
                    s.queue = ev.queue;
                    s.intent = ev.intent;
                    s.tenantId = ev.tenantId;
                    if (!bounded) {
                        ctx.timerService().registerEventTimeTimer(final_(ev.ts));
                    }
                }
            }
            case CONTACT_ANSWERED -> {
                s.answerTs = earliest(s.answerTs, ev.ts);
                s.outcomes++;
            }
            case CONTACT_ABANDONED -> {
                s.abandonTs = earliest(s.abandonTs, ev.ts);
                s.outcomes++;
            }
            case CONTACT_DIVERTED -> {
                if (s.divertTs == Kpis.NONE
                        || ev.ts < s.divertTs
                        || (ev.ts == s.divertTs
                                && ev.divertReason.name().compareTo(s.divertReason) < 0)) {
                    s.divertTs = ev.ts;
                    s.divertReason = ev.divertReason.name();
                }
                s.outcomes++;
            }
            case CONTACT_ENDED -> {
                s.endTs = earliest(s.endTs, ev.ts);
                s.outcomes++;
            }
            case WRAPUP_ENDED -> s.wrapTs = earliest(s.wrapTs, ev.ts);
            case HANDOFF_CREATED -> {
                HandoffInfo h = new HandoffInfo();
                h.handoffId = ev.handoffId;
                h.contactId = ev.contactId;
                h.createdAt = ev.ts;
                h.target = JobEvent.name(ev.target);
                h.residenceId = ev.residenceId;
                handoffs.add(h);
            }
            default -> {
                return;
            }
        }
        state.update(s);
        ctx.timerService().registerEventTimeTimer(bounded ? KpiJob.BOUNDED_TIMER : ev.ts);
    }

    private long final_(long offerTs) {
        return offerTs > Long.MAX_VALUE - horizonMs ? Long.MAX_VALUE : offerTs + horizonMs;
    }

    private static long earliest(long current, long ts) {
        return current == Kpis.NONE ? ts : Math.min(current, ts);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ContactDelta> out)
            throws Exception {
        ContactState s = state.value();
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (s == null) {
            s = new ContactState();
        }
        if (s.offerTs == Kpis.NONE) {
            // The watermark passed these outcomes and no offer came: orphans, out of the KPIs.
            if (s.outcomes > 0) {
                orphans.add(s.outcomes);
                orphansMetric.inc(s.outcomes);
            }
            emitHandoffs(s, ctx);
            clear();
            return;
        }
        emitDeltas(s, out);
        emitDupEntry(s, ctx);
        emitHandoffs(s, ctx);
        if (endOfInput || timestamp >= final_(s.offerTs)) {
            clear();
        } else {
            state.update(s);
        }
    }

    private void clear() {
        state.clear();
        handoffs.clear();
    }

    private void emitDeltas(ContactState s, Collector<ContactDelta> out) {
        if (s.emitted
                && s.sentAnswerTs == s.answerTs
                && s.sentAbandonTs == s.abandonTs
                && s.sentDivertTs == s.divertTs
                && Objects.equals(s.sentDivertReason, s.divertReason)
                && s.sentEndTs == s.endTs
                && s.sentWrapTs == s.wrapTs) {
            return;
        }
        Channel channel = Channel.valueOf(s.channel);
        ChannelThresholds.Threshold threshold = thresholds.of(s.queue, channel);
        boolean identified = s.tenantId != null;
        if (s.emitted) {
            for (ContactDelta d :
                    Kpis.contactDeltas(
                            s.offerTs,
                            s.queue,
                            channel,
                            s.intent,
                            identified,
                            s.sentAnswerTs,
                            s.sentAbandonTs,
                            s.sentDivertTs,
                            CLOSED.equals(s.sentDivertReason),
                            s.sentEndTs,
                            s.sentWrapTs,
                            threshold)) {
                out.collect(d.negate());
            }
        }
        for (ContactDelta d :
                Kpis.contactDeltas(
                        s.offerTs,
                        s.queue,
                        channel,
                        s.intent,
                        identified,
                        s.answerTs,
                        s.abandonTs,
                        s.divertTs,
                        CLOSED.equals(s.divertReason),
                        s.endTs,
                        s.wrapTs,
                        threshold)) {
            out.collect(d);
        }
        s.emitted = true;
        s.sentAnswerTs = s.answerTs;
        s.sentAbandonTs = s.abandonTs;
        s.sentDivertTs = s.divertTs;
        s.sentDivertReason = s.divertReason;
        s.sentEndTs = s.endTs;
        s.sentWrapTs = s.wrapTs;
    }

    private void emitDupEntry(ContactState s, OnTimerContext ctx) throws java.io.IOException {
        if (s.tenantId == null) {
            return;
        }
        boolean abandoned =
                Kpis.outcome(s.answerTs, s.abandonTs, s.divertTs) == Kpis.Outcome.ABANDONED;
        if (s.dupSent && s.dupSentAbandoned == abandoned) {
            return;
        }
        DuplicateCandidate d = new DuplicateCandidate();
        d.dupKey = s.tenantId + "\u0001" + s.intent;
        d.contactId = hashedKeys ? ids.current() : (String) ctx.getCurrentKey();
        d.offerTs = s.offerTs;
        d.queue = s.queue;
        d.channel = s.channel;
        d.intent = s.intent;
        d.abandoned = abandoned;
        ctx.output(Tags.DUP_ENTRIES, d);
        s.dupSent = true;
        s.dupSentAbandoned = abandoned;
    }

    private void emitHandoffs(ContactState s, OnTimerContext ctx) throws Exception {
        Iterable<HandoffInfo> pending = handoffs.get();
        if (pending == null) {
            return;
        }
        List<HandoffInfo> list = new ArrayList<>();
        pending.forEach(list::add);
        if (list.isEmpty()) {
            return;
        }
        for (HandoffInfo h : list) {
            h.queue = s.queue;
            h.intent = s.intent;
            ctx.output(Tags.HANDOFFS, h);
        }
        handoffs.clear();
    }
}
