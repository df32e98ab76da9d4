package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import fr.joignable.jobs.model.Problem;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the job's results go; a bounded file run and a Kafka run attach different sinks. */
public interface KpiSinks {

    /**
     * Whether the run reads complete, bounded input (files) in batch mode: no event is late, and
     * every decision is taken on the whole input, whatever the order of lines and files.
     */
    default boolean bounded() {
        return false;
    }

    /** Whether the run wants live upserts of changing contact rows. */
    default boolean wantsUpserts() {
        return false;
    }

    /** Whether the run publishes the live view. */
    default boolean wantsLiveView() {
        return false;
    }

    /** Live-view snapshots (JSON), at least once a second. */
    default void liveView(DataStream<String> snapshots) {}

    /** Final {@code contact_intervals} rows. */
    void contactRows(DataStream<ContactIntervalRow> rows);

    /** Changing (partial, then final) contact rows of a live run. */
    default void contactUpserts(DataStream<ContactIntervalRow> rows) {}

    void agentRows(DataStream<AgentIntervalRow> rows);

    void intentRows(DataStream<IntentRow> rows);

    void handoffs(DataStream<HandoffRow> rows);

    void rejected(DataStream<Problem> rejected);

    void late(DataStream<Problem> late);
}
