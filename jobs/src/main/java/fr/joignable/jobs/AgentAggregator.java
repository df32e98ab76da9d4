package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.AgentSegment;
import fr.joignable.jobs.model.AgentSums;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@code interval_start|team}: sums agents' state time; the row is final (emitted, state
 * cleared) once the watermark passes the interval end plus the allowed lateness, or at the end of
 * the input. Rows with no logged-in time are not written.
 */
public final class AgentAggregator
        extends KeyedProcessFunction<Object, AgentSegment, AgentIntervalRow> {

    private static final long serialVersionUID = 1L;

    private final long allowedLatenessMs;
    private final boolean hashedKeys;
    private transient SortKeys.Ids ids;
    private transient ValueState<AgentSums> sums;
    private transient ValueState<String> team;

    public AgentAggregator(long allowedLatenessMs) {
        this(allowedLatenessMs, false);
    }

    /** {@code hashedKeys}: keyed by the cell's day and hash ({@link SortKeys}, bounded runs). */
    public AgentAggregator(long allowedLatenessMs, boolean hashedKeys) {
        this.allowedLatenessMs = allowedLatenessMs;
        this.hashedKeys = hashedKeys;
    }

    @Override
    public void open(OpenContext ctx) {
        if (hashedKeys) {
            ids = new SortKeys.Ids(getRuntimeContext(), "agent-intervals");
        }
        sums = getRuntimeContext().getState(new ValueStateDescriptor<>("sums", AgentSums.class));
        team = getRuntimeContext().getState(new ValueStateDescriptor<>("team", String.class));
    }

    @Override
    public void processElement(AgentSegment seg, Context ctx, Collector<AgentIntervalRow> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(seg.cellKey());
        }
        AgentSums s = sums.value();
        if (s == null) {
            s = new AgentSums();
            team.update(seg.team);
            ctx.timerService()
                    .registerEventTimeTimer(
                            seg.intervalStart + Intervals.INTERVAL_MILLIS + allowedLatenessMs);
        }
        switch (Kpis.stateIndex(seg.state)) {
            case 0 -> s.ready += seg.millis;
            case 1 -> s.busy += seg.millis;
            case 2 -> s.wrap += seg.millis;
            case 3 -> s.notReady += seg.millis;
            default -> {}
        }
        sums.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AgentIntervalRow> out)
            throws Exception {
        AgentSums s = sums.value();
        if (s == null) {
            return;
        }
        long[] millis = s.asArray();
        if (millis[0] + millis[1] + millis[2] + millis[3] > 0) {
            String cell = hashedKeys ? ids.current() : (String) ctx.getCurrentKey();
            long start = Long.parseLong(cell.substring(0, cell.indexOf('|')));
            out.collect(Kpis.agentRow(start, team.value(), millis));
        }
        sums.clear();
        team.clear();
    }
}
