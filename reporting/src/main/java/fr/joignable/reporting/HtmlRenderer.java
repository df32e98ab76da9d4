package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.Column;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.util.List;

/** The report as one self-contained HTML page: inline styles, inline SVG charts, no network. */
public final class HtmlRenderer {

    private static final String STYLE =
            """
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 Helvetica,Arial,sans-serif;color:#212121;background:#fafafa}
            main{max-width:960px;margin:0 auto;padding:16px;background:#fff}
            header{border-bottom:3px solid #1565c0;margin-bottom:12px}
            h1{font-size:1.5em;margin:.2em 0;color:#0d47a1}
            h2{font-size:1.15em;margin:1.4em 0 .5em;color:#0d47a1}
            h3{font-size:1em;margin:1em 0 .4em;color:#0d47a1}
            .sub{color:#616161;margin:.2em 0 .6em}
            .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px}
            .tile{border:1px solid #e0e0e0;border-left:6px solid #757575;border-radius:6px;padding:8px 10px}
            .tile .l{font-size:.85em;color:#616161}
            .tile .v{font-size:1.6em;font-weight:bold}
            .tile .d{font-size:.8em;color:#616161}
            .GREEN{border-left-color:#2e7d32}.AMBER{border-left-color:#e69100}.RED{border-left-color:#c62828}
            .badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:.75em;background:#757575}
            .badge.GREEN{background:#2e7d32}.badge.AMBER{background:#e69100}.badge.RED{background:#c62828}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.85em}
            th,td{padding:4px 6px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
            th{background:#e3f2fd;color:#0d47a1}
            td.t,th.t{text-align:left}
            .chart{width:100%;height:auto;display:block;margin:8px 0}
            .note{font-size:.8em;color:#616161}
            pre{white-space:pre-wrap;font-size:.75em;background:#f5f5f5;padding:6px}
            @media print{body{background:#fff}main{max-width:none;padding:0}
              section{break-inside:avoid}h2{break-after:avoid}details{display:none}}
            """;

    private HtmlRenderer() {}

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    public static String render(Report report) {
        Messages msg = new Messages(report.lang());
        Formats fmt = new Formats(report.lang());
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"")
                .append(report.lang() == Messages.Lang.FR ? "fr" : "en")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>")
                .append(escape(msg.get("title") + " — " + fmt.month(report.month())))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n");
        h.append("<header><h1>")
                .append(escape(msg.get("title")))
                .append("</h1><p class=\"sub\"><strong>")
                .append(escape(capitalize(fmt.month(report.month()))))
                .append("</strong> — ")
                .append(escape(msg.get("subtitle")))
                .append("</p></header>\n");

        h.append("<section><h2>")
                .append(escape(msg.get("section.kpis")))
                .append("</h2><div class=\"tiles\">");
        for (Kpi k : report.kpis()) {
            h.append("<div class=\"tile ")
                    .append(k.status())
                    .append("\"><div class=\"l\">")
                    .append(escape(msg.get(k.key())))
                    .append("</div><div class=\"v\">")
                    .append(escape(fmt.kpi(k.kind(), k.value())))
                    .append("</div><div class=\"d\"><span class=\"badge ")
                    .append(k.status())
                    .append("\">")
                    .append(escape(msg.get("status." + k.status())))
                    .append("</span> ")
                    .append(escape(msg.get("col.target")))
                    .append(msg.get("colon"))
                    .append(escape(k.target()))
                    .append("<br>")
                    .append(escape(msg.get("col.previous")))
                    .append(msg.get("colon"))
                    .append(escape(fmt.kpi(k.kind(), k.previous())))
                    .append(" (")
                    .append(escape(fmt.change(k.kind(), k.value(), k.previous())))
                    .append(")</div></div>");
        }
        h.append("</div></section>\n");

        DataTable channels = Layout.table(report, Layout.CHANNELS);
        if (channels != null) {
            table(h, report, channels, msg, fmt, true);
        }
        String cost = Layout.costLine(report, msg, fmt);
        if (cost != null) {
            h.append("<section><h2>")
                    .append(escape(msg.get("section.cost")))
                    .append("</h2><p>")
                    .append(escape(cost))
                    .append("</p></section>\n");
        }
        List<String> highlights = Layout.highlights(report, msg, fmt);
        if (!highlights.isEmpty()) {
            h.append("<section><h2>").append(escape(msg.get("section.highlights"))).append("</h2>");
            for (String line : highlights) {
                h.append("<p>").append(escape(line)).append("</p>");
            }
            h.append("</section>\n");
        }
        h.append("<p class=\"note\">")
                .append(escape(msg.get("opening") + msg.get("colon") + report.openingSummary()))
                .append("</p>\n");

        h.append("<section><h2>").append(escape(msg.get("section.trend"))).append("</h2>");
        SvgCanvas volume = new SvgCanvas(Charts.WIDTH, Charts.HEIGHT, msg.get("chart.volume"));
        Charts.volume(volume, report.days(), msg, fmt);
        h.append(volume.toSvg());
        SvgCanvas sl = new SvgCanvas(Charts.WIDTH, Charts.HEIGHT, msg.get("chart.sl2"));
        Charts.serviceLevel(sl, report.days(), msg, fmt, report.targets());
        h.append(sl.toSvg()).append("</section>\n");

        h.append("<section><h2>").append(escape(msg.get("section.heat_phone"))).append("</h2>");
        SvgCanvas heat =
                new SvgCanvas(Charts.WIDTH, Charts.HEAT_HEIGHT, msg.get("section.heat_phone"));
        Charts.heatmap(
                heat,
                report.heat(),
                report.open(),
                Charts.Scale.SERVICE_LEVEL,
                msg,
                fmt,
                report.targets());
        h.append(heat.toSvg());
        DataTable heatTable = Layout.table(report, Layout.HEAT);
        if (heatTable != null) {
            h.append("<p class=\"note\">")
                    .append(escape(Layout.note(report, heatTable, msg)))
                    .append("</p>");
        }
        h.append("</section>\n");

        for (Layout.Section section : Layout.sections(report)) {
            boolean several = section.tables().size() > 1;
            h.append("<section><h2>").append(escape(msg.get(section.key()))).append("</h2>");
            for (DataTable t : section.tables()) {
                if (t.id().equals(Layout.RELANCE_HEAT)) {
                    if (report.relanceHeat() != null) {
                        h.append("<h3>")
                                .append(escape(msg.get("section.heat_relances")))
                                .append("</h3>");
                        SvgCanvas rh =
                                new SvgCanvas(
                                        Charts.WIDTH,
                                        Charts.HEAT_HEIGHT,
                                        msg.get("section.heat_relances"));
                        Charts.heatmap(
                                rh,
                                report.relanceHeat(),
                                report.open(),
                                Charts.Scale.RELANCE,
                                msg,
                                fmt,
                                report.targets());
                        h.append(rh.toSvg());
                    }
                    continue;
                }
                table(h, report, t, msg, fmt, !several);
            }
            h.append("</section>\n");
        }

        h.append("<section><h2>").append(escape(msg.get("section.method"))).append("</h2>");
        for (String key : Layout.METHOD_KEYS) {
            h.append("<p class=\"note\">")
                    .append(escape(Layout.method(key, msg, fmt)))
                    .append("</p>");
        }
        h.append("<details><summary>SQL</summary>");
        for (ReportQueries.Query q : ReportQueries.ALL) {
            h.append("<p class=\"note\"><strong>")
                    .append(escape(q.name()))
                    .append("</strong></p><pre>")
                    .append(escape(ReportQueries.sql(q, report.month())))
                    .append("</pre>");
        }
        h.append("</details></section>\n</main></body></html>\n");
        return h.toString();
    }

    private static void table(
            StringBuilder h, Report report, DataTable t, Messages msg, Formats fmt, boolean own) {
        if (!own) {
            h.append("<h3>").append(escape(msg.get(t.titleKey()))).append("</h3>");
        } else if (t.id().equals(Layout.CHANNELS)) {
            h.append("<section><h2>").append(escape(msg.get(t.titleKey()))).append("</h2>");
        }
        h.append("<div class=\"scroll\"><table><thead><tr>");
        for (Column c : t.columns()) {
            h.append(c.kind() == Kind.TEXT || c.kind() == Kind.DATE ? "<th class=\"t\">" : "<th>")
                    .append(escape(msg.get(c.key())))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Column c = t.columns().get(i);
                h.append(
                                c.kind() == Kind.TEXT || c.kind() == Kind.DATE
                                        ? "<td class=\"t\">"
                                        : "<td>")
                        .append(escape(fmt.value(c.kind(), row.get(i))))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
        String note = Layout.note(report, t, msg);
        if (note != null) {
            h.append("<p class=\"note\">").append(escape(note)).append("</p>");
        }
        if (own && t.id().equals(Layout.CHANNELS)) {
            h.append("</section>\n");
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
