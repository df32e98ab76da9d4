package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.table.DayPartition;
import fr.joignable.jobs.io.ParquetTables;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.IntentRow;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The four Parquet tables of a bounded run ({@code joignable kpi}): the same tables as {@link
 * ParquetSinks}, but each table's rows are first grouped by UTC day (batch mode sorts a keyed input
 * by key) so that its sink holds one open file at a time instead of one per day until the end of
 * input. The rows written are the same; only how they are spread over files changes (one file per
 * day and table). The interval tables of a run with hashed keys arrive grouped by day already
 * ({@link DayCellKey}) and skip that sort.
 */
final class BoundedParquetSinks {
    private BoundedParquetSinks() {}

    static void contactRows(DataStream<ContactIntervalRow> rows, Path out, boolean byDay) {
        ParquetTables.DayOf<ContactIntervalRow> day = r -> r.intervalStart().toEpochMilli();
        write(
                rows,
                day,
                ParquetTables.daySink(
                        out,
                        "contact_intervals",
                        ParquetTables.CONTACT_SCHEMA,
                        ParquetTables::contact,
                        day),
                "contact-intervals-parquet",
                byDay);
    }

    static void agentRows(DataStream<AgentIntervalRow> rows, Path out, boolean byDay) {
        ParquetTables.DayOf<AgentIntervalRow> day = r -> r.intervalStart().toEpochMilli();
        write(
                rows,
                day,
                ParquetTables.daySink(
                        out,
                        "agent_intervals",
                        ParquetTables.AGENT_SCHEMA,
                        ParquetTables::agent,
                        day),
                "agent-intervals-parquet",
                byDay);
    }

    static void intentRows(DataStream<IntentRow> rows, Path out, boolean byDay) {
        ParquetTables.DayOf<IntentRow> day = r -> r.intervalStart;
        write(
                rows,
                day,
                ParquetTables.daySink(
                        out,
                        "intent_intervals",
                        ParquetTables.INTENT_SCHEMA,
                        ParquetTables::intent,
                        day),
                "intent-intervals-parquet",
                byDay);
    }

    static void handoffs(DataStream<HandoffRow> rows, Path out) {
        ParquetTables.DayOf<HandoffRow> day = r -> r.createdAt;
        write(
                rows,
                day,
                ParquetTables.daySink(
                        out, "handoffs", ParquetTables.HANDOFF_SCHEMA, ParquetTables::handoff, day),
                "handoffs-parquet",
                false);
    }

    /**
     * {@code grouped}: the rows already leave each subtask grouped by day, each day from one
     * subtask (keyed by {@link DayCellKey}): written as they come, without a sort by day.
     */
    private static <T> void write(
            DataStream<T> rows,
            ParquetTables.DayOf<T> dayOf,
            Sink<T> sink,
            String name,
            boolean grouped) {
        if (grouped) {
            rows.sinkTo(sink).name(name).uid(name);
            return;
        }
        KeySelector<T, Long> byDay = r -> DayPartition.epochDayOf(dayOf.millis(r));
        rows.keyBy(byDay, Types.LONG)
                .process(new PassOn<T>(), rows.getType())
                .name(name + "-by-day")
                .uid(name + "-by-day")
                .sinkTo(sink)
                .name(name)
                .uid(name);
    }

    /** Hands each row on: the keyed input is what makes batch mode group the rows by day. */
    static final class PassOn<T> extends KeyedProcessFunction<Long, T, T> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(T row, Context ctx, Collector<T> out) {
            out.collect(row);
        }
    }
}
