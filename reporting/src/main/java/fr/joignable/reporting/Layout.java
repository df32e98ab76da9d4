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
    static String method(String key, Messages msg, Fmt fmt) {
        if (key.equals("method.budget")) {
            return msg.get(key, fmt.money(ReportOptions.DEFAULT_COST_PER_HOUR, 0));
        }
        return msg.get(key);
    }

    /** Page 1's sentence on what the month cost; {@code null} without agent data. */
    static String costLine(Report report, Messages msg, Fmt fmt) {
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
