package fr.joignable.jobs;

import fr.joignable.jobs.model.JobEvent;
import java.util.Comparator;
import java.util.function.Function;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code eventId}: passes one copy of an event and drops redeliveries.
 *
 * <p>Live, the first copy to arrive passes at once; the memory of an eventId is cleared by an
 * event-time timer {@code dedup-ttl} after the event (or after the watermark, whichever is later),
 * so state stays bounded.
 *
 * <p>Bounded (batch mode: all copies of an eventId arrive together), the copy that passes does not
 * depend on the input order: the one with the earliest time, and among copies at that time the
 * smallest by content ({@link #CONTENT}). It is emitted when the key's input ends, on the one timer
 * of the key ({@link KpiJob#BOUNDED_TIMER}), so with that time rather than its event time: the
 * stages after it read the event's {@code ts}, never the record's time, and batch mode sorts their
 * input by key and record time. Flink's sort key holds the 8-byte key only, so records of one key
 * are ordered by comparing their serialized times: an agent's year of events (tens of thousands)
 * was sorted that way, a tenth of the year's samples. Equal times leave a key's records for one
 * comparison each (docs/kpi-job.md, "ninth round"). The key is a hash of the eventId ({@link
 * SortKeys}).
 */
public final class DedupFunction extends KeyedProcessFunction<Object, JobEvent, JobEvent> {

    private static final long serialVersionUID = 1L;

    /** A total order on what an event says, to choose between differing copies at equal times. */
    static final Comparator<JobEvent> CONTENT =
            Comparator.<JobEvent>comparingLong(e -> e.ts)
                    .thenComparing(field(e -> JobEvent.name(e.type)))
                    .thenComparing(field(e -> e.contactId))
                    .thenComparing(field(e -> e.agentId))
                    .thenComparing(field(e -> JobEvent.name(e.channel)))
                    .thenComparing(field(e -> e.queue))
                    .thenComparing(field(e -> e.intent))
                    .thenComparing(field(e -> e.tenantId))
                    .thenComparing(field(e -> e.residenceId))
                    .thenComparing(field(e -> e.handoffId))
                    .thenComparing(field(e -> JobEvent.name(e.target)))
                    .thenComparing(field(e -> e.team))
                    .thenComparing(field(e -> JobEvent.name(e.state)))
                    .thenComparing(field(e -> JobEvent.name(e.divertReason)));

    private static Comparator<JobEvent> field(Function<JobEvent, String> f) {
        return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private final long ttlMs;
    private final boolean bounded;
    private transient ValueState<Long> expiry;
    private transient ValueState<JobEvent> chosen;
    private transient LongCounter dropped;
    private transient org.apache.flink.metrics.Counter droppedMetric;

    /** The live function. */
    public DedupFunction(long ttlMs) {
        this(ttlMs, false);
    }

    public DedupFunction(long ttlMs, boolean bounded) {
        this.ttlMs = ttlMs;
        this.bounded = bounded;
    }

    @Override
    public void open(OpenContext ctx) {
        expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("expiry", Long.class));
        if (bounded) {
            chosen =
                    getRuntimeContext()
                            .getState(new ValueStateDescriptor<>("chosen", JobEvent.class));
        }
        dropped = getRuntimeContext().getLongCounter(Tags.REDELIVERED);
        droppedMetric =
                JobMetrics.group(getRuntimeContext().getMetricGroup())
                        .counter("redeliveriesDropped");
    }

    @Override
    public void processElement(JobEvent ev, Context ctx, Collector<JobEvent> out) throws Exception {
        if (bounded) {
            JobEvent best = chosen.value();
            if (best == null) {
                chosen.update(ev);
                ctx.timerService().registerEventTimeTimer(KpiJob.BOUNDED_TIMER);
                return;
            }
            if (!best.eventId.equals(ev.eventId)) {
                // a hashed key (SortKeys) holding two eventIds
                throw new SortKeys.Collision("dedup-event-id");
            }
            dropped.add(1);
            droppedMetric.inc();
            if (CONTENT.compare(ev, best) < 0) {
                chosen.update(ev);
            }
            return;
        }
        if (expiry.value() != null) {
            dropped.add(1);
            droppedMetric.inc();
            return;
        }
        long wm = ctx.timerService().currentWatermark();
        long base = Math.max(ev.ts, wm);
        long at = base > Long.MAX_VALUE - ttlMs ? Long.MAX_VALUE : base + ttlMs;
        expiry.update(at);
        ctx.timerService().registerEventTimeTimer(at);
        out.collect(ev);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<JobEvent> out)
            throws Exception {
        if (bounded) {
            JobEvent best = chosen.value();
            if (best != null) {
                out.collect(best);
                chosen.clear();
            }
            return;
        }
        Long at = expiry.value();
        if (at != null && at <= timestamp) {
            expiry.clear();
        }
    }
}
