package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.l;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The first page's service per channel, the heat map's table and the learnt opening hours. */
final class ChannelSection {

    private ChannelSection() {}

    /** Each channel against its own threshold ({@link ReportQueries#CHANNELS}). */
    static DataTable table(
            Map<String, Map<String, Object>> ch, Messages msg, ReportTargets targets) {
        return Cols.table(
                "channels",
                "table.channels",
                "note.channels",
                "section.channels",
                new ArrayList<>(ch.values()),
                List.of(
                        Cols.channel(msg),
                        Cols.of("col.offered", Kind.COUNT, "offered"),
                        Cols.of("col.closed_calls", Kind.COUNT, "closed"),
                        Cols.of("col.turned_away", Kind.COUNT, "turned_away"),
                        Cols.of("col.answered", Kind.COUNT, "answered"),
                        Cols.of(
                                "col.threshold",
                                Kind.TEXT,
                                r -> targets.threshold((String) r.get("channel"))),
                        Cols.of("col.service_level", Kind.PCT, "service_level"),
                        Cols.of(
                                "col.abandon_rate",
                                Kind.PCT,
                                r ->
                                        live((String) r.get("channel"))
                                                ? r.get("abandon_rate")
                                                : null),
                        Cols.of("col.asa_s", Kind.DURATION, "asa_s"),
                        Cols.of("col.backlog", Kind.COUNT, "backlog")));
    }

    static boolean live(String channel) {
        return "PHONE".equals(channel) || "CHAT".equals(channel);
    }

    /** The heat map as a table: every weekday × hour with data, open or closed. */
    static DataTable heatTable(List<Map<String, Object>> rows, Messages msg) {
        return Cols.table(
                "heatmap",
                "table.heat",
                "note.heat",
                "table.heat",
                rows,
                List.of(
                        Cols.weekday(msg),
                        Cols.of("col.hour", Kind.COUNT, "hour"),
                        Cols.open(msg),
                        Cols.of("col.phone_offered", Kind.COUNT, "phone_offered"),
                        Cols.of("col.phone_sl", Kind.PCT, "phone_service_level"),
                        Cols.of("col.chat_sl", Kind.PCT, "chat_service_level")));
    }

    /**
     * The learnt opening hours as one line, consecutive weekdays with the same hours together:
     * {@code Lun–Ven 8 h–18 h ; Sam 9 h–12 h ; Dim fermé}.
     */
    static String openingSummary(List<Map<String, Object>> rows, Messages msg) {
        String[] hours = new String[8];
        for (Map<String, Object> r : rows) {
            int wd = (int) l(r, "weekday");
            if (r.get("first_hour") != null) {
                hours[wd] = l(r, "first_hour") + " h–" + l(r, "end_hour") + " h";
            }
        }
        List<String> parts = new ArrayList<>();
        int start = 1;
        for (int wd = 2; wd <= 8; wd++) {
            if (wd == 8 || !same(hours[wd], hours[start])) {
                String days =
                        msg.get("weekday." + start)
                                + (wd - 1 > start ? "–" + msg.get("weekday." + (wd - 1)) : "");
                parts.add(
                        days
                                + " "
                                + (hours[start] == null ? msg.get("open.closed") : hours[start]));
                start = wd;
            }
        }
        return String.join(msg.get("list.sep"), parts);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
