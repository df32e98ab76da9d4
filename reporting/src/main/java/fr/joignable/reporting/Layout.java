package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.Budget;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's layout, shared by the PDF and HTML renderers: page 1 holds the tiles, the service
 * per channel and what the month cost; then the trend, the heat map, the sections in report order,
 * the daily table and the methodology. Tables drawn as charts there ({@code heatmap}, {@code
 * relance_hours}) appear as tables in the workbook only.
 */
final class Layout {

    static final String CHANNELS = "channels";
    static final String HEAT = "heatmap";
    static final String RELANCE_HEAT = "relance_hours";
    static final String DAILY = "daily";

    /** The methodology keys, in order. */
    static final List<String> METHOD_KEYS =
            List.of(
                    "method.intro",
                    "method.offered",
                    "method.answered",
                    "method.service_level",
                    "method.abandon_rate",
                    "method.closed",
                    "method.opening",
                    "method.asa",
                    "method.aht",
                    "method.occupancy",
                    "method.duplicate_rate",
                    "method.urgent",
                    "method.staffing",
                    "method.budget",
                    "method.status");

    private Layout() {}

    /** A section: its title key and its tables. */
    record Section(String key, List<DataTable> tables) {}

    /** The sections after the heat map, in report order, the daily table's last. */
    static List<Section> sections(Report report) {
        Map<String, List<DataTable>> bySection = new LinkedHashMap<>();
        for (DataTable t : report.tables()) {
            if (t.id().equals(CHANNELS) || t.id().equals(HEAT) || t.id().equals(DAILY)) {
                continue;
            }
            bySection.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(t);
        }
        for (DataTable t : report.tables()) {
            if (t.id().equals(DAILY)) {
                bySection.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Section> out = new ArrayList<>();
        bySection.forEach((k, v) -> out.add(new Section(k, v)));
        return out;
    }

    static DataTable table(Report report, String id) {
        for (DataTable t : report.tables()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** A table's note, with its values filled in. */
    static String note(Report report, DataTable t, Messages msg) {
        if (t.noteKey() == null) {
            return null;
        }
        if (t.id().equals(HEAT)) {
            return msg.get(t.noteKey(), report.openingSummary());
        }
        return msg.get(t.noteKey());
    }

    /** A methodology paragraph, with its values filled in. */
    static String method(String key, Messages msg, Formats fmt) {
        if (key.equals("method.budget")) {
            return msg.get(key, fmt.money(ReportOptions.DEFAULT_COST_PER_HOUR, 0));
        }
        return msg.get(key);
    }

    /**
     * Page 1's sentences on urgent requests and relances, from the tables {@code urgent}, {@code
     * relance_peak} and {@code relance_intents}; empty without intent data.
     */
    static List<String> highlights(Report report, Messages msg, Formats fmt) {
        List<String> out = new ArrayList<>();
        DataTable urgent = table(report, "urgent");
        DataTable peak = table(report, "relance_peak");
        DataTable intents = table(report, "relance_intents");
        if (urgent == null || peak == null || intents == null || urgent.rows().isEmpty()) {
            return out;
        }
        List<Object> total = urgent.rows().get(urgent.rows().size() - 1);
        List<Object> top = row(peak, msg.get("slot.TOP"));
        List<Object> other = row(peak, msg.get("slot.OTHER"));
        out.add(
                msg.get(
                        "highlights.urgent",
                        fmt.count(((Number) total.get(1)).doubleValue()),
                        fmt.pct((Double) total.get(3)),
                        top == null ? "—" : fmt.pct((Double) top.get(5)),
                        other == null ? "—" : fmt.pct((Double) other.get(5))));
        if (!intents.rows().isEmpty()) {
            List<Object> all = intents.rows().get(intents.rows().size() - 1);
            out.add(
                    msg.get(
                            "highlights.relances",
                            fmt.pct((Double) all.get(5)),
                            top == null ? "—" : fmt.pct((Double) top.get(3)),
                            fmt.pct((Double) all.get(7))));
        }
        return out;
    }

    private static List<Object> row(DataTable t, String label) {
        for (List<Object> r : t.rows()) {
            if (label.equals(r.get(0))) {
                return r;
            }
        }
        return null;
    }

    /** Page 1's sentence on what the month cost; {@code null} without agent data. */
    static String costLine(Report report, Messages msg, Formats fmt) {
        Budget b = report.budget();
        if (b == null) {
            return null;
        }
        return msg.get(
                "cost.line",
                fmt.money(b.cost(), 0),
                fmt.decimal(b.paidHours(), 0),
                fmt.money(b.costPerHour(), 2),
                fmt.decimal(b.productiveHours(), 0),
                fmt.money(b.costPerContact(), 2),
                fmt.decimal(b.contactsPerHour(), 1));
    }
}
