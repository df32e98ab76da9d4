package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import fr.joignable.jobs.model.Problem;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Every output of the live workflow (upserts and live view included) into a discarding sink: the
 * whole graph runs, nothing is written. For benchmarks that time the job without its sinks, and for
 * tests of the graph itself (its types, its operators).
 */
public final class DiscardingKpiSinks implements KpiSinks, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean wantsUpserts() {
        return true;
    }

    @Override
    public boolean wantsLiveView() {
        return true;
    }

    @Override
    public void liveView(DataStream<String> snapshots) {
        snapshots.sinkTo(new DiscardingSink<>()).setParallelism(1);
    }

    @Override
    public void contactRows(DataStream<ContactIntervalRow> rows) {
        rows.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void contactUpserts(DataStream<ContactIntervalRow> rows) {
        rows.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void agentRows(DataStream<AgentIntervalRow> rows) {
        rows.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void intentRows(DataStream<IntentRow> rows) {
        rows.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void handoffs(DataStream<HandoffRow> rows) {
        rows.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void rejected(DataStream<Problem> rejected) {
        rejected.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void late(DataStream<Problem> late) {
        late.sinkTo(new DiscardingSink<>());
    }
}
