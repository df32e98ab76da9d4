package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The section "Et si… avec les agents d'aujourd'hui": when the data directory holds {@code
 * whatif.csv} ({@code joignable simulate} of today's roster as it is really present) and a staffing
 * plan, the service level per queue and per hour that these agents would give on the forecast,
 * beside the plan's ({@link WhatIfQueries}).
 */
final class WhatIfSection {

    static final String SECTION = "section.whatif";

    private final QueryRunner q;
    private final Messages msg;

    WhatIfSection(QueryRunner q, Messages msg) {
        this.q = q;
        this.msg = msg;
    }

    List<DataTable> tables(YearMonth month) {
        Tables t = q.tables();
        List<DataTable> out = new ArrayList<>();
        if (!t.has("whatif") || !t.has("staffing")) {
            return out;
        }
        List<Map<String, Object>> queues = q.rows(WhatIfQueries.QUEUES, month);
        if (!queues.isEmpty()) {
            out.add(
                    Cols.table(
                            "whatif_queues",
                            "table.whatif_queues",
                            "note.whatif_queues",
                            SECTION,
                            queues,
                            List.of(
                                    Cols.of("col.queue", Kind.TEXT, "queue"),
                                    Cols.channel(msg),
                                    Cols.of("col.offered", Kind.DECIMAL, "offered"),
                                    Cols.of("col.plan_sl", Kind.PCT, "plan_service_level"),
                                    Cols.of("col.whatif_sl", Kind.PCT, "whatif_service_level"),
                                    Cols.of(
                                            "col.whatif_abandon",
                                            Kind.PCT,
                                            "whatif_abandon_rate"))));
        }
        List<Map<String, Object>> hours = q.rows(WhatIfQueries.HOURS, month);
        if (!hours.isEmpty()) {
            out.add(
                    Cols.table(
                            "whatif_hours",
                            "table.whatif_hours",
                            "note.whatif_hours",
                            SECTION,
                            hours,
                            List.of(
                                    Cols.weekday(msg),
                                    Cols.of("col.hour", Kind.COUNT, "hour"),
                                    Cols.of("col.plan_sl", Kind.PCT, "plan_service_level"),
                                    Cols.of("col.whatif_sl", Kind.PCT, "whatif_service_level"),
                                    Cols.of("col.worst_queue", Kind.TEXT, "worst_queue"),
                                    Cols.of("col.worst_sl", Kind.PCT, "worst_service_level"))));
        }
        return out;
    }
}
