package fr.joignable.jobs;

import fr.joignable.jobs.model.Ev;
import fr.joignable.jobs.model.Problem;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
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
 */
public final class LateFilterOperator extends AbstractStreamOperator<Ev>
        implements OneInputStreamOperator<Ev, Ev>, BoundedOneInput {

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

    @Override
    public void open() throws Exception {
        super.open();
        maxBySource = new HashMap<>();
        maxTs = Long.MIN_VALUE;
        watermark = Long.MIN_VALUE;
        read = getRuntimeContext().getLongCounter(Tags.READ);
        rejected = getRuntimeContext().getLongCounter(Tags.REJECTED_COUNT);
        late = getRuntimeContext().getLongCounter(Tags.LATE_COUNT);
        lateMetric = JobMetrics.group(getMetricGroup()).counter("eventsLate");
    }

    @Override
    public void processElement(StreamRecord<Ev> element) {
        Ev ev = element.getValue();
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
    private boolean isLate(Ev ev) {
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
