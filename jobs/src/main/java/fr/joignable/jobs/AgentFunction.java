package fr.joignable.jobs;

import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.AgentSegment;
import fr.joignable.jobs.model.AgentStateEvent;
import fr.joignable.jobs.model.JobEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code agentId}: buffers state events until the watermark passes them, replays them in
 * time order (equal times: by eventId), and emits the time spent in each state split at interval
 * boundaries ({@link AgentSegment}). While an agent is logged in, a timer at each interval boundary
 * emits the running state up to it (live partial time, bounded state). At the end of the input the
 * last state lasts until the largest event time of the whole input, received on the broadcast side.
 * A logged-out agent with nothing buffered has no state.
 */
public final class AgentFunction
        extends KeyedBroadcastProcessFunction<Object, JobEvent, Long, AgentSegment> {

    private static final long serialVersionUID = 1L;

    public static final MapStateDescriptor<String, Long> MAX_TS =
            new MapStateDescriptor<>("max-ts", String.class, Long.class);
    private static final Comparator<AgentStateEvent> ORDER =
            Comparator.<AgentStateEvent>comparingLong(e -> e.ts).thenComparing(e -> e.eventId);

    private final boolean hashedKeys;
    private final boolean bounded;
    private transient SortKeys.Ids ids;

    /** The state the agent is in and since when (emitted up to {@link #from}). */
    private transient ValueState<AgentStateEvent> current;

    private transient ListState<AgentStateEvent> buffer;

    public AgentFunction() {
        this(false, false);
    }

    /**
     * {@code hashedKeys}: keyed by a hash of the agentId ({@link SortKeys}, bounded runs); {@code
     * bounded}: a batch run, whose timers fire when the key's input ends: one timer per agent
     * ({@link KpiJob#BOUNDED_TIMER}).
     */
    public AgentFunction(boolean hashedKeys, boolean bounded) {
        this.hashedKeys = hashedKeys;
        this.bounded = bounded;
    }

    @Override
    public void open(OpenContext ctx) {
        if (hashedKeys) {
            ids = new SortKeys.Ids(getRuntimeContext(), "agent-states");
        }
        current =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("current", AgentStateEvent.class));
        buffer =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("buffer", AgentStateEvent.class));
    }

    @Override
    public void processElement(JobEvent ev, ReadOnlyContext ctx, Collector<AgentSegment> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(ev.agentId);
        }
        buffer.add(new AgentStateEvent(ev.ts, ev.eventId, ev.team, JobEvent.name(ev.state)));
        ctx.timerService().registerEventTimeTimer(bounded ? KpiJob.BOUNDED_TIMER : ev.ts);
    }

    @Override
    public void processBroadcastElement(Long maxTs, Context ctx, Collector<AgentSegment> out)
            throws Exception {
        Long known = ctx.getBroadcastState(MAX_TS).get("max");
        if (known == null || maxTs > known) {
            ctx.getBroadcastState(MAX_TS).put("max", maxTs);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AgentSegment> out)
            throws Exception {
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        List<AgentStateEvent> pending = new ArrayList<>();
        Iterable<AgentStateEvent> stored = buffer.get();
        if (stored != null) {
            stored.forEach(pending::add);
        }
        pending.sort(ORDER);
        AgentStateEvent cur = current.value();
        long upTo = endOfInput ? Long.MAX_VALUE : timestamp;
        List<AgentStateEvent> later = new ArrayList<>();
        for (AgentStateEvent e : pending) {
            if (e.ts > upTo) {
                later.add(e);
                continue;
            }
            if (cur != null) {
                emit(cur, e.ts, out);
            }
            cur = e;
        }
        if (endOfInput) {
            ReadOnlyBroadcastState<String, Long> max = ctx.getBroadcastState(MAX_TS);
            Long end = max.get("max");
            if (cur != null && end != null) {
                emit(cur, end, out);
            }
            current.clear();
            buffer.clear();
            return;
        }
        if (cur != null && timestamp == Intervals.startOf(timestamp) && cur.ts < timestamp) {
            emit(cur, timestamp, out);
            cur.ts = timestamp;
        }
        if (later.size() != pending.size()) {
            buffer.update(later);
        }
        if (cur != null && Kpis.stateIndex(cur.state) >= 0) {
            current.update(cur);
            ctx.timerService().registerEventTimeTimer(Intervals.endOf(cur.ts));
        } else {
            current.clear();
        }
    }

    private static void emit(AgentStateEvent cur, long to, Collector<AgentSegment> out) {
        if (Kpis.stateIndex(cur.state) < 0) {
            return;
        }
        Kpis.splitAtIntervals(
                cur.ts,
                to,
                (start, millis) ->
                        out.collect(new AgentSegment(start, cur.team, cur.state, millis)));
    }
}
