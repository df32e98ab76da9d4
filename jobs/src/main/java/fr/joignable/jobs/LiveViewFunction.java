package fr.joignable.jobs;

import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.jobs.live.LiveState;
import fr.joignable.jobs.model.LiveInput;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The live view of {@code docs/live-view.md}: one operator (parallelism 1, a single key) that
 * merges every event as it <em>arrives</em> into a {@link LiveState} and publishes a JSON snapshot
 * ({@link fr.joignable.domain.live.LiveView}) — independent of the watermark that finalises the
 * interval rows.
 *
 * <p><b>When it publishes.</b> Push, with a bounded coalescing delay: a change is published at once
 * when the previous snapshot is at least {@code coalesceMs} old, otherwise {@code coalesceMs} after
 * the previous one; so a change leaves at most {@code coalesceMs} after it arrived, and at most
 * {@code 1000 / coalesceMs} snapshots a second leave however fast events come. Without changes a
 * heartbeat snapshot leaves every {@code heartbeatMs}. At the end of a bounded input one last
 * snapshot is published as of the latest event time.
 *
 * <p><b>Its clock ({@code asOf}).</b> The latest event time seen, advanced by the wall-clock time
 * elapsed since that event arrived: at real pace it is "now" (give or take the delivery delay), in
 * a replay it follows the replayed time, and the longest wait keeps growing through quiet periods.
 *
 * <p>It is a view, rebuilt from the events after a restart, not part of the exactly-once tables.
 */
public final class LiveViewFunction extends KeyedProcessFunction<String, LiveInput, String> {

    private static final long serialVersionUID = 1L;

    /** Default bounded coalescing delay of a change, ms. */
    public static final long DEFAULT_COALESCE_MS = 50;

    /** Default heartbeat period when nothing changes, ms. */
    public static final long DEFAULT_HEARTBEAT_MS = 1000;

    private static final long NONE = Long.MIN_VALUE;

    private final ChannelThresholds thresholds;
    private final long horizonMs;
    private final long liveContactTtlMs;
    private final long coalesceMs;
    private final long heartbeatMs;

    private transient LiveState state;
    private transient long maxTs;
    private transient long maxTsArrivedAt;
    private transient long lastEmit;
    private transient long lastPrune;
    private transient long flushAt;
    private transient boolean dirty;
    private transient boolean started;

    /**
     * @param horizonMs how long a deferred contact without an outcome is followed (the contact
     *     horizon)
     * @param heartbeatMs the heartbeat period; changes leave within {@link #DEFAULT_COALESCE_MS}
     */
    public LiveViewFunction(ChannelThresholds thresholds, long horizonMs, long heartbeatMs) {
        this(
                thresholds,
                horizonMs,
                LiveState.DEFAULT_LIVE_CONTACT_TTL_MS,
                DEFAULT_COALESCE_MS,
                heartbeatMs);
    }

    public LiveViewFunction(
            ChannelThresholds thresholds,
            long horizonMs,
            long liveContactTtlMs,
            long coalesceMs,
            long heartbeatMs) {
        if (coalesceMs <= 0 || heartbeatMs < coalesceMs) {
            throw new IllegalArgumentException("need 0 < coalesce <= heartbeat");
        }
        this.thresholds = thresholds;
        this.horizonMs = horizonMs;
        this.liveContactTtlMs = liveContactTtlMs;
        this.coalesceMs = coalesceMs;
        this.heartbeatMs = heartbeatMs;
    }

    @Override
    public void open(OpenContext ctx) {
        state = new LiveState(thresholds, liveContactTtlMs, horizonMs);
        maxTs = NONE;
        lastEmit = NONE;
        lastPrune = NONE;
        flushAt = NONE;
    }

    @Override
    public void processElement(LiveInput in, Context ctx, Collector<String> out) {
        long now = ctx.timerService().currentProcessingTime();
        if (!started) {
            started = true;
            // the end of a bounded input: one last snapshot as of the latest event time
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (in.duplicate != null) {
            state.applyDuplicate(in.duplicate);
        } else {
            state.apply(in.event);
            if (maxTs == NONE || in.event.ts > maxTs) {
                maxTs = in.event.ts;
                maxTsArrivedAt = now;
            }
        }
        if (maxTs == NONE) {
            return;
        }
        dirty = true;
        if (lastEmit == NONE || now - lastEmit >= coalesceMs) {
            emit(now, ctx.timerService(), out);
        } else if (flushAt == NONE) {
            flushAt = lastEmit + coalesceMs;
            ctx.timerService().registerProcessingTimeTimer(flushAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        if (maxTs == NONE) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            out.collect(state.snapshot(maxTs, now).toJson());
            return;
        }
        if ((dirty && flushAt != NONE && now >= flushAt) || now - lastEmit >= heartbeatMs) {
            emit(now, ctx.timerService(), out);
        }
    }

    /** The live clock: the latest event time plus the wall time since it arrived. */
    static long asOf(long maxTs, long maxTsArrivedAt, long now) {
        long elapsed = Math.max(0, now - maxTsArrivedAt);
        return maxTs > Long.MAX_VALUE - elapsed ? Long.MAX_VALUE : maxTs + elapsed;
    }

    private void emit(
            long now, org.apache.flink.streaming.api.TimerService timers, Collector<String> out) {
        long asOf = asOf(maxTs, maxTsArrivedAt, now);
        if (lastPrune == NONE || now - lastPrune >= heartbeatMs) {
            state.prune(asOf);
            lastPrune = now;
        }
        out.collect(state.snapshot(asOf, now).toJson());
        lastEmit = now;
        dirty = false;
        flushAt = NONE;
        timers.registerProcessingTimeTimer(now + heartbeatMs);
    }
}
