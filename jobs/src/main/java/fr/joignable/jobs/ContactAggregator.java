package fr.joignable.jobs;

import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.IntentRow;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code interval_start|queue|channel}: sums the signed contributions of contacts and
 * duplicate decisions. Live, it publishes the changed row ({@link Tags#CONTACT_UPSERTS}) when the
 * watermark passes the change; the final row (main output, plus its {@code intent_intervals} rows
 * on {@link Tags#INTENT_ROWS}) once the watermark passes the interval end plus the contact horizon
 * and allowed lateness, or at the end of the input. State is then cleared.
 */
public final class ContactAggregator
        extends KeyedProcessFunction<Object, ContactDelta, ContactIntervalRow> {

    private static final long serialVersionUID = 1L;

    private final long finalityDelayMs;
    private final boolean upserts;
    private final boolean hashedKeys;
    private transient ValueState<ContactDelta> sums;
    private transient ValueState<Boolean> dirty;
    private transient MapState<String, ContactDelta> byIntent;

    public ContactAggregator(long finalityDelayMs, boolean upserts) {
        this(finalityDelayMs, upserts, false);
    }

    /** {@code hashedKeys}: keyed by the cell's day and hash ({@link SortKeys}, bounded runs). */
    public ContactAggregator(long finalityDelayMs, boolean upserts, boolean hashedKeys) {
        this.finalityDelayMs = finalityDelayMs;
        this.upserts = upserts;
        this.hashedKeys = hashedKeys;
    }

    @Override
    public void open(OpenContext ctx) {
        sums = getRuntimeContext().getState(new ValueStateDescriptor<>("sums", ContactDelta.class));
        dirty = getRuntimeContext().getState(new ValueStateDescriptor<>("dirty", Boolean.class));
        byIntent =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "by-intent", String.class, ContactDelta.class));
    }

    private long finalAt(long intervalStart) {
        long end = intervalStart + Intervals.INTERVAL_MILLIS;
        return end > Long.MAX_VALUE - finalityDelayMs ? Long.MAX_VALUE : end + finalityDelayMs;
    }

    @Override
    public void processElement(ContactDelta d, Context ctx, Collector<ContactIntervalRow> out)
            throws Exception {
        ContactDelta s = sums.value();
        if (s == null) {
            s = new ContactDelta(d.intervalStart, d.queue, d.channel, null);
            ctx.timerService().registerEventTimeTimer(finalAt(d.intervalStart));
        } else if (hashedKeys
                && (s.intervalStart != d.intervalStart
                        || !Objects.equals(s.queue, d.queue)
                        || !Objects.equals(s.channel, d.channel))) {
            throw new SortKeys.Collision("contact-intervals");
        }
        s.add(d);
        sums.update(s);
        ContactDelta i = byIntent.get(d.intent);
        if (i == null) {
            i = new ContactDelta(d.intervalStart, d.queue, d.channel, d.intent);
        }
        i.add(d);
        byIntent.put(d.intent, i);
        if (upserts) {
            dirty.update(true);
            Long ts = ctx.timestamp();
            if (ts != null) {
                ctx.timerService()
                        .registerEventTimeTimer(
                                Math.max(ts, ctx.timerService().currentWatermark() + 1));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ContactIntervalRow> out)
            throws Exception {
        ContactDelta s = sums.value();
        if (s == null) {
            return;
        }
        boolean isFinal =
                ctx.timerService().currentWatermark() == Long.MAX_VALUE
                        || timestamp >= finalAt(s.intervalStart);
        if (!isFinal) {
            if (Boolean.TRUE.equals(dirty.value()) && Kpis.hasContactRow(s)) {
                ctx.output(Tags.CONTACT_UPSERTS, Kpis.contactRow(s));
            }
            dirty.clear();
            return;
        }
        if (Kpis.hasContactRow(s)) {
            ContactIntervalRow row = Kpis.contactRow(s);
            out.collect(row);
            if (upserts) {
                ctx.output(Tags.CONTACT_UPSERTS, row);
            }
        }
        for (Map.Entry<String, ContactDelta> e : byIntent.entries()) {
            ContactDelta i = e.getValue();
            if (i.offered > 0) {
                IntentRow r = new IntentRow();
                r.intervalStart = i.intervalStart;
                r.queue = i.queue;
                r.channel = i.channel;
                r.intent = i.intent;
                r.offered = i.offered;
                r.identified = i.identified;
                r.abandoned = i.shortAbandoned + i.abandoned;
                r.duplicates = i.duplicates;
                r.duplicatesAfterAbandon = i.duplicatesAfterAbandon;
                r.diverted = i.diverted;
                r.closed = i.closed;
                ctx.output(Tags.INTENT_ROWS, r);
            }
        }
        sums.clear();
        dirty.clear();
        byIntent.clear();
    }
}
