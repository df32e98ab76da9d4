package fr.joignable.jobs;

import fr.joignable.jobs.model.Ev;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code eventId}: passes the first copy of an event and drops redeliveries. The memory of
 * an eventId is cleared by an event-time timer {@code dedup-ttl} after the event (or after the
 * watermark, whichever is later), so state stays bounded.
 */
public final class DedupFunction extends KeyedProcessFunction<String, Ev, Ev> {

    private static final long serialVersionUID = 1L;

    private final long ttlMs;
    private transient ValueState<Long> expiry;
    private transient LongCounter dropped;
    private transient org.apache.flink.metrics.Counter droppedMetric;

    public DedupFunction(long ttlMs) {
        this.ttlMs = ttlMs;
    }

    @Override
    public void open(OpenContext ctx) {
        expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("expiry", Long.class));
        dropped = getRuntimeContext().getLongCounter(Tags.REDELIVERED);
        droppedMetric =
                JobMetrics.group(getRuntimeContext().getMetricGroup())
                        .counter("redeliveriesDropped");
    }

    @Override
    public void processElement(Ev ev, Context ctx, Collector<Ev> out) throws Exception {
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
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Ev> out) throws Exception {
        Long at = expiry.value();
        if (at != null && at <= timestamp) {
            expiry.clear();
        }
    }
}
