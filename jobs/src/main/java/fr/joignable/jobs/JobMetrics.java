package fr.joignable.jobs;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.Rejection;
import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.model.Problem;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The job's own health as Flink metrics (the accumulators of {@link RunSummary} are only seen when
 * a bounded run ends): registered in the operators' metric groups under the group {@code
 * joignable}, so a cluster's metric reporter (Prometheus, JMX, ...) exports them per subtask, e.g.
 * {@code flink_taskmanager_job_task_operator_joignable_eventsRead} with the reporter's Prometheus
 * naming. Thin operators of their own, chained to their neighbours (no network hop):
 *
 * <ul>
 *   <li>{@link ReadTap} (operator {@code metrics-read}, before the late filter): counter {@code
 *       eventsRead}; counter {@code eventsRejected} in the sub-group {@code reason=<kind>} (the
 *       {@link Rejection.Kind} in lower case: {@code not_json}, {@code missing_field}, ...; a
 *       bounded set, safe as a label); gauge {@code watermarkLagMs}: wall-clock time minus the
 *       current watermark, -1 before the first watermark (large in replays of old data, a few
 *       seconds plus the out-of-orderness live).
 *   <li>{@link LateFilterOperator} (operator {@code late-filter}): counter {@code eventsLate}.
 *   <li>{@link DedupFunction}: counter {@code redeliveriesDropped}.
 *   <li>{@link ContactFunction} (operator {@code contacts}): counter {@code eventsOrphaned}, the
 *       outcomes of contacts whose offer never came (the run summary's orphans).
 *   <li>{@link SnapshotTap} (operator {@code metrics-live-view}): gauge {@code liveSnapshotAgeMs},
 *       wall-clock time since the live view last emitted a snapshot, -1 before the first; counter
 *       {@code liveSnapshots}.
 * </ul>
 */
public final class JobMetrics {

    /** The metric group every Joignable metric is registered under. */
    public static final String GROUP = "joignable";

    private JobMetrics() {}

    static MetricGroup group(MetricGroup operator) {
        return operator.addGroup(GROUP);
    }

    /** Counts events read and rejected (by kind), and gauges the watermark's lag. */
    public static final class ReadTap extends AbstractStreamOperator<JobEvent>
            implements OneInputStreamOperator<JobEvent, JobEvent> {
        private static final long serialVersionUID = 1L;
        private transient Counter read;
        private transient Map<Rejection.Kind, Counter> rejected;
        private transient volatile long watermark;

        @Override
        public void open() throws Exception {
            super.open();
            MetricGroup g = group(getMetricGroup());
            read = g.counter("eventsRead");
            rejected = new EnumMap<>(Rejection.Kind.class);
            for (Rejection.Kind kind : Rejection.Kind.values()) {
                rejected.put(
                        kind,
                        g.addGroup("reason", kind.name().toLowerCase(Locale.ROOT))
                                .counter("eventsRejected"));
            }
            watermark = Long.MIN_VALUE;
            g.gauge("watermarkLagMs", (Gauge<Long>) this::watermarkLagMs);
        }

        long watermarkLagMs() {
            long w = watermark;
            if (w == Long.MIN_VALUE || w == Long.MAX_VALUE) {
                return -1L;
            }
            return Math.max(0, getProcessingTimeService().getCurrentProcessingTime() - w);
        }

        @Override
        public void processElement(StreamRecord<JobEvent> element) {
            JobEvent ev = element.getValue();
            read.inc();
            if (ev.rejected()) {
                rejected.get(kindOf(ev)).inc();
            }
            output.collect(element);
        }

        /** The rejection's kind: rejected lines are rare, decoding one again costs nothing. */
        private static Rejection.Kind kindOf(JobEvent ev) {
            if (ev.raw != null
                    && EventCodec.instance().decode(ev.raw) instanceof Decoded.Rejected r) {
                return r.rejection().kind();
            }
            return Rejection.Kind.NOT_JSON;
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            watermark = mark.getTimestamp();
            super.processWatermark(mark);
        }
    }

    /** Counts the records of a problem output ({@code eventsLate}). */
    public static final class ProblemTap extends RichMapFunction<Problem, Problem> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private transient Counter counter;

        public ProblemTap(String name) {
            this.name = name;
        }

        @Override
        public void open(OpenContext context) {
            counter = group(getRuntimeContext().getMetricGroup()).counter(name);
        }

        @Override
        public Problem map(Problem p) {
            counter.inc();
            return p;
        }
    }

    /** Gauges the age of the newest live-view snapshot. */
    public static final class SnapshotTap extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient volatile long lastMillis;
        private transient Counter snapshots;

        @Override
        public void open(OpenContext context) {
            lastMillis = -1;
            MetricGroup g = group(getRuntimeContext().getMetricGroup());
            snapshots = g.counter("liveSnapshots");
            g.gauge(
                    "liveSnapshotAgeMs",
                    (Gauge<Long>)
                            () -> {
                                long last = lastMillis;
                                return last < 0 ? -1L : System.currentTimeMillis() - last;
                            });
        }

        @Override
        public String map(String snapshot) {
            lastMillis = System.currentTimeMillis();
            snapshots.inc();
            return snapshot;
        }
    }
}
