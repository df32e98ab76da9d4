package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.io.ParquetTables;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import java.nio.file.Path;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Attaches the four Parquet table sinks. */
final class ParquetSinks {
    private ParquetSinks() {}

    static void contactRows(DataStream<ContactIntervalRow> rows, Path out) {
        rows.sinkTo(
                        ParquetTables.sink(
                                out,
                                "contact_intervals",
                                ParquetTables.CONTACT_SCHEMA,
                                ParquetTables::contact,
                                r -> r.intervalStart().toEpochMilli()))
                .name("contact-intervals-parquet")
                .uid("contact-intervals-parquet");
    }

    static void agentRows(DataStream<AgentIntervalRow> rows, Path out) {
        rows.sinkTo(
                        ParquetTables.sink(
                                out,
                                "agent_intervals",
                                ParquetTables.AGENT_SCHEMA,
                                ParquetTables::agent,
                                r -> r.intervalStart().toEpochMilli()))
                .name("agent-intervals-parquet")
                .uid("agent-intervals-parquet");
    }

    static void intentRows(DataStream<IntentRow> rows, Path out) {
        rows.sinkTo(
                        ParquetTables.sink(
                                out,
                                "intent_intervals",
                                ParquetTables.INTENT_SCHEMA,
                                ParquetTables::intent,
                                r -> r.intervalStart))
                .name("intent-intervals-parquet")
                .uid("intent-intervals-parquet");
    }

    static void handoffs(DataStream<HandoffRow> rows, Path out) {
        rows.sinkTo(
                        ParquetTables.sink(
                                out,
                                "handoffs",
                                ParquetTables.HANDOFF_SCHEMA,
                                ParquetTables::handoff,
                                r -> r.createdAt))
                .name("handoffs-parquet")
                .uid("handoffs-parquet");
    }
}
