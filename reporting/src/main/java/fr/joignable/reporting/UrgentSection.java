package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.d;
import static fr.joignable.reporting.QueryRunner.l;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sections "Demandes urgentes" and "Relances" ({@link UrgentQueries}). */
final class UrgentSection {

    static final String URGENT = "section.urgent";
    static final String RELANCES = "section.relances";

    private final QueryRunner q;
    private final Messages msg;

    UrgentSection(QueryRunner q, Messages msg) {
        this.q = q;
        this.msg = msg;
    }

    private Object intent(Map<String, Object> r) {
        Object code = r.get("intent");
        if (code == null) {
            return msg.get("col.total");
        }
        return msg.has("intent." + code) ? msg.get("intent." + code) : code;
    }

    List<DataTable> urgent(YearMonth month, boolean hasHandoffs) {
        List<DataTable> out = new ArrayList<>();
        out.add(
                Cols.table(
                        "urgent",
                        "table.urgent",
                        "note.urgent",
                        URGENT,
                        q.rows(UrgentQueries.URGENT, month),
                        List.of(
                                Cols.of("col.intent", Kind.TEXT, this::intent),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.live_offered", Kind.COUNT, "live_offered"),
                                Cols.of("col.live_sl_est", Kind.PCT, "live_service_level"),
                                Cols.of("col.live_abandon_share", Kind.PCT, "live_abandon_share"),
                                Cols.of("col.written_sl_est", Kind.PCT, "written_service_level"),
                                Cols.of("col.relances", Kind.COUNT, "relances"),
                                Cols.of("col.relance_rate", Kind.PCT, "relance_rate"))));
        if (hasHandoffs) {
            out.add(
                    Cols.table(
                            "urgent_handoffs",
                            "table.urgent_handoffs",
                            "note.urgent_handoffs",
                            URGENT,
                            q.rows(UrgentQueries.URGENT_HANDOFFS, month),
                            List.of(
                                    Cols.of("col.intent", Kind.TEXT, this::intent),
                                    Cols.of("col.created", Kind.COUNT, "created"),
                                    Cols.of("col.closed", Kind.COUNT, "closed"),
                                    Cols.of(
                                            "col.median_closing_h",
                                            Kind.DECIMAL,
                                            "median_closing_h"),
                                    Cols.of("col.p90_closing_h", Kind.DECIMAL, "p90_closing_h"),
                                    Cols.of("col.closed_within_24h", Kind.PCT, "closed_within_24h"),
                                    Cols.of("col.still_open", Kind.COUNT, "still_open"))));
        }
        return out;
    }

    /** The relances' tables; fills {@code heat} with the share of relances of each open slot. */
    List<DataTable> relances(YearMonth month, Double[][] heat) {
        List<DataTable> out = new ArrayList<>();
        out.add(
                Cols.table(
                        "relance_peak",
                        "table.relance_peak",
                        "note.relance_peak",
                        RELANCES,
                        q.rows(UrgentQueries.RELANCE_PEAK, month),
                        List.of(
                                Cols.of("col.slot", Kind.TEXT, this::slot),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.relances", Kind.COUNT, "relances"),
                                Cols.of("col.relance_share", Kind.PCT, "relance_share"),
                                Cols.of("col.urgent_live_offered", Kind.COUNT, "urgent_offered"),
                                Cols.of("col.urgent_sl_est", Kind.PCT, "urgent_service_level"),
                                Cols.of("col.live_sl", Kind.PCT, "live_service_level"))));
        List<Map<String, Object>> hours = q.rows(UrgentQueries.RELANCE_HOURS, month);
        for (Map<String, Object> r : hours) {
            if (Boolean.TRUE.equals(r.get("open"))) {
                heat[(int) l(r, "weekday") - 1][(int) l(r, "hour")] = d(r, "relance_share");
            }
        }
        out.add(
                Cols.table(
                        "relance_hours",
                        "table.relance_hours",
                        null,
                        RELANCES,
                        hours,
                        List.of(
                                Cols.weekday(msg),
                                Cols.of("col.hour", Kind.COUNT, "hour"),
                                Cols.open(msg),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.relances", Kind.COUNT, "relances"),
                                Cols.of("col.relance_share", Kind.PCT, "relance_share"),
                                Cols.of(
                                        "col.after_abandon_share",
                                        Kind.PCT,
                                        "after_abandon_share"))));
        out.add(
                Cols.table(
                        "relance_intents",
                        "table.relance_intents",
                        "note.intents",
                        RELANCES,
                        q.rows(UrgentQueries.RELANCE_INTENTS, month),
                        List.of(
                                Cols.of("col.intent", Kind.TEXT, this::intent),
                                Cols.of("col.priority", Kind.COUNT, "priority"),
                                Cols.of("col.offered", Kind.COUNT, "offered"),
                                Cols.of("col.identified", Kind.COUNT, "identified"),
                                Cols.of("col.relances", Kind.COUNT, "relances"),
                                Cols.of("col.relance_share", Kind.PCT, "relance_share"),
                                Cols.of("col.relance_rate", Kind.PCT, "relance_rate"),
                                Cols.of(
                                        "col.after_abandon_share",
                                        Kind.PCT,
                                        "after_abandon_share"))));
        return out;
    }

    private Object slot(Map<String, Object> r) {
        Object group = r.get("slot_group");
        if (group != null) {
            return msg.get("slot." + group);
        }
        return msg.get("weekday." + r.get("weekday")) + " " + r.get("hour") + " h";
    }
}
