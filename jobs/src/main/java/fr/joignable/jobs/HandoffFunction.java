package fr.joignable.jobs;

import fr.joignable.jobs.model.HandoffInfo;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.JobEvent;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code handoffId}: joins a created handoff (with its contact's queue and intent) with
 * its closing. One row per handoff: when the watermark passes its closing, or, still open, once the
 * contact horizon has passed since its creation or at the end of the input. A closing with no
 * creation is dropped after the horizon.
 */
public final class HandoffFunction
        extends KeyedCoProcessFunction<Object, HandoffInfo, JobEvent, HandoffRow> {

    private static final long serialVersionUID = 1L;

    /** The creation that counts: the earliest; equal times by contactId, target, residence. */
    private static final Comparator<HandoffInfo> EARLIER =
            Comparator.<HandoffInfo>comparingLong(h -> h.createdAt)
                    .thenComparing(
                            h -> h.contactId, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(h -> h.target, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(
                            h -> h.residenceId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final long horizonMs;
    private final boolean hashedKeys;
    private transient SortKeys.Ids ids;
    private transient ValueState<HandoffInfo> info;
    private transient ValueState<Long> closedAt;

    public HandoffFunction(long horizonMs) {
        this(horizonMs, false);
    }

    /** {@code hashedKeys}: keyed by a hash of the handoffId ({@link SortKeys}, bounded runs). */
    public HandoffFunction(long horizonMs, boolean hashedKeys) {
        this.horizonMs = horizonMs;
        this.hashedKeys = hashedKeys;
    }

    @Override
    public void open(OpenContext ctx) {
        if (hashedKeys) {
            ids = new SortKeys.Ids(getRuntimeContext(), "handoffs");
        }
        info = getRuntimeContext().getState(new ValueStateDescriptor<>("info", HandoffInfo.class));
        closedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("closed", Long.class));
    }

    private long plusHorizon(long ts) {
        return ts > Long.MAX_VALUE - horizonMs ? Long.MAX_VALUE : ts + horizonMs;
    }

    @Override
    public void processElement1(HandoffInfo h, Context ctx, Collector<HandoffRow> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(h.handoffId);
        }
        HandoffInfo known = info.value();
        if (known == null || EARLIER.compare(h, known) < 0) {
            info.update(h);
        }
        ctx.timerService().registerEventTimeTimer(h.createdAt);
        ctx.timerService().registerEventTimeTimer(plusHorizon(h.createdAt));
    }

    @Override
    public void processElement2(JobEvent closed, Context ctx, Collector<HandoffRow> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(closed.handoffId);
        }
        Long known = closedAt.value();
        if (known == null || closed.ts < known) {
            closedAt.update(closed.ts);
        }
        ctx.timerService().registerEventTimeTimer(closed.ts);
        ctx.timerService().registerEventTimeTimer(plusHorizon(closed.ts));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HandoffRow> out)
            throws Exception {
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        HandoffInfo h = info.value();
        Long closed = closedAt.value();
        if (h == null) {
            if (closed != null && (endOfInput || timestamp >= plusHorizon(closed))) {
                closedAt.clear();
            }
            return;
        }
        boolean isClosed = closed != null && closed <= timestamp;
        if (isClosed || endOfInput || timestamp >= plusHorizon(h.createdAt)) {
            HandoffRow r = new HandoffRow();
            r.handoffId = h.handoffId;
            r.contactId = h.contactId;
            r.createdAt = h.createdAt;
            r.target = h.target;
            r.residenceId = h.residenceId;
            r.queue = h.queue;
            r.intent = h.intent;
            if (closed != null) {
                r.closedAt = closed;
                r.closingS = (closed - h.createdAt) / 1000.0;
            }
            out.collect(r);
            info.clear();
            closedAt.clear();
        }
    }
}
