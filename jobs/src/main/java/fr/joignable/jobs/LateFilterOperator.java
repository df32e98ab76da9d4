package fr.joignable.jobs;

import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Counts what was read, sends rejected lines to {@link Tags#REJECTED}, and late events to {@link
 * Tags#LATE}. An event is late when its time is more than out-of-orderness + allowed lateness
 * behind the latest event time seen earlier <em>from the same source</em> (one file in line order,
 * or one Kafka partition), or more than the allowed lateness behind the current watermark. Files
 * given in any order or number therefore never make each other's events late. A bounded run uses
 * {@link #neverLate()}: over complete data nothing is late.
 *
 * <p>It also publishes the largest event time of the accepted events ({@link Tags#MAX_TS}) just
 * before the end-of-input watermark, so agents' last states can last "until the end of the data".
 *
 * <p>Checkpointed: the per-source latest times, the largest accepted time and the watermark seen
 * are kept in union operator state, so a run restored from a checkpoint or savepoint judges the
 * next line exactly as the uninterrupted run would have (before, the first lines after a restore
 * were judged against nothing and a late line could be accepted). Union, because after a restore a
 * source (a file split, a Kafka partition) may be read by another subtask or at another
 * parallelism: every subtask gets every entry and keeps, per source, the latest time; the largest
 * accepted time is the maximum of the subtasks' and the watermark the minimum of theirs (the
 * watermark only ever makes fewer lines late when it is lower).
 */
public final class LateFilterOperator extends AbstractStreamOperator<JobEvent>
        implements OneInputStreamOperator<JobEvent, JobEvent>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final long boundMs;
    private final long allowedLatenessMs;
    private transient Map<String, Long> maxBySource;
    private transient long maxTs;
    private transient long watermark;
    private transient boolean maxEmitted;
    private transient LongCounter read;
    private transient LongCounter rejected;
    private transient LongCounter late;
    private transient org.apache.flink.metrics.Counter lateMetric;
    private transient ListState<Tuple2<String, Long>> sourceState;
    private transient ListState<Tuple2<Long, Long>> marksState;

    private final boolean judge;

    public LateFilterOperator(long boundMs, long allowedLatenessMs) {
        this(boundMs, allowedLatenessMs, true);
    }

    private LateFilterOperator(long boundMs, long allowedLatenessMs, boolean judge) {
        this.boundMs = boundMs;
        this.allowedLatenessMs = allowedLatenessMs;
        this.judge = judge;
    }

    /** The filter of a bounded run: counts and rejects, never judges an event late. */
    public static LateFilterOperator neverLate() {
        return new LateFilterOperator(0, 0, false);
    }

    /** Union state: one (source, latest time) per source a subtask has seen. */
    static final ListStateDescriptor<Tuple2<String, Long>> SOURCES =
            new ListStateDescriptor<>(
                    "late-filter-source-max", Types.TUPLE(Types.STRING, Types.LONG));

    /** Union state: one (largest accepted time, watermark) per subtask. */
    static final ListStateDescriptor<Tuple2<Long, Long>> MARKS =
            new ListStateDescriptor<>("late-filter-marks", Types.TUPLE(Types.LONG, Types.LONG));

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        maxBySource = new HashMap<>();
        maxTs = Long.MIN_VALUE;
        watermark = Long.MIN_VALUE;
        sourceState = context.getOperatorStateStore().getUnionListState(SOURCES);
        marksState = context.getOperatorStateStore().getUnionListState(MARKS);
        if (!context.isRestored()) {
            return;
        }
        for (Tuple2<String, Long> e : sourceState.get()) {
            maxBySource.merge(e.f0, e.f1, Math::max);
        }
        boolean first = true;
        for (Tuple2<Long, Long> m : marksState.get()) {
            maxTs = Math.max(maxTs, m.f0);
            watermark = first ? m.f1 : Math.min(watermark, m.f1);
            first = false;
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<Tuple2<String, Long>> sources = new ArrayList<>(maxBySource.size());
        for (Map.Entry<String, Long> e : maxBySource.entrySet()) {
            sources.add(Tuple2.of(e.getKey(), e.getValue()));
        }
        sourceState.update(sources);
        marksState.update(List.of(Tuple2.of(maxTs, watermark)));
    }

    @Override
    public void open() throws Exception {
        super.open();
        read = getRuntimeContext().getLongCounter(Tags.READ);
        rejected = getRuntimeContext().getLongCounter(Tags.REJECTED_COUNT);
        late = getRuntimeContext().getLongCounter(Tags.LATE_COUNT);
        lateMetric = JobMetrics.group(getMetricGroup()).counter("eventsLate");
    }

    @Override
    public void processElement(StreamRecord<JobEvent> element) {
        JobEvent ev = element.getValue();
        read.add(1);
        if (ev.rejected()) {
            rejected.add(1);
            output.collect(Tags.REJECTED, new StreamRecord<>(Problem.of(ev.reason, ev)));
            return;
        }
        if (judge && isLate(ev)) {
            late.add(1);
            lateMetric.inc();
            output.collect(
                    Tags.LATE,
                    new StreamRecord<>(
                            Problem.of(
                                    "late: more than the allowed lateness behind its source", ev)));
            return;
        }
        if (ev.ts > maxTs) {
            maxTs = ev.ts;
        }
        ev.raw = null;
        ev.source = null;
        output.collect(element.replace(ev, ev.ts));
    }

    /** Late, and otherwise remembered as its source's latest time when it is. */
    private boolean isLate(JobEvent ev) {
        String source = ev.source == null ? "" : ev.source;
        Long sourceMax = maxBySource.get(source);
        boolean isLate =
                (sourceMax != null && ev.ts < sourceMax - boundMs)
                        || (watermark != Long.MIN_VALUE && ev.ts < watermark - allowedLatenessMs);
        if (!isLate && (sourceMax == null || ev.ts > sourceMax)) {
            maxBySource.put(source, ev.ts);
        }
        return isLate;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            emitMax();
        } else {
            watermark = Math.max(watermark, mark.getTimestamp());
        }
        super.processWatermark(mark);
    }

    @Override
    public void endInput() {
        emitMax();
    }

    private void emitMax() {
        if (!maxEmitted && maxTs != Long.MIN_VALUE) {
            maxEmitted = true;
            output.collect(Tags.MAX_TS, new StreamRecord<>(maxTs, maxTs));
        }
    }
}
