package fr.joignable.reporting;

import fr.joignable.reporting.ReportModel.Column;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a workbook: a summary sheet first (the tiles, what the month cost, the opening
 * hours), then one sheet per section (its tables one under the other, each with its title when
 * there are several); numbers are numeric cells (rates as fractions with a percent format, money in
 * euros, durations in seconds, dates as dates).
 */
public final class XlsxRenderer {

    private XlsxRenderer() {}

    public static void render(Report report, OutputStream out) throws IOException {
        Messages msg = new Messages(report.lang());
        Formats fmt = new Formats(report.lang());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);
            styles.put(Kind.COUNT, style(wb, "#,##0"));
            styles.put(Kind.PCT, style(wb, "0.0%"));
            styles.put(Kind.SECONDS, style(wb, "0"));
            styles.put(Kind.HOURS, style(wb, "0.0"));
            styles.put(Kind.DECIMAL, style(wb, "0.0"));
            styles.put(Kind.DURATION, style(wb, "0"));
            styles.put(Kind.MONEY, style(wb, "#,##0.00 [$€-40C]"));
            styles.put(
                    Kind.DATE,
                    style(wb, report.lang() == Messages.Lang.FR ? "dd/mm/yyyy" : "yyyy-mm-dd"));
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Set<String> names = new HashSet<>();

            Sheet summary = wb.createSheet(sheetName(msg.get("table.summary"), names));
            Row title = summary.createRow(0);
            title.createCell(0)
                    .setCellValue(
                            msg.get("title")
                                    + " — "
                                    + HtmlRenderer.capitalize(fmt.month(report.month())));
            title.getCell(0).setCellStyle(header);
            headerRow(
                    summary.createRow(2),
                    header,
                    msg,
                    List.of("col.kpi", "col.value", "col.previous", "col.target", "col.status"));
            int r = 3;
            for (Kpi k : report.kpis()) {
                Row row = summary.createRow(r++);
                row.createCell(0).setCellValue(msg.get(k.key()));
                Kind kind = k.kind();
                number(row.createCell(1), k.value(), styles.get(kind));
                number(row.createCell(2), k.previous(), styles.get(kind));
                row.createCell(3).setCellValue(k.target());
                row.createCell(4).setCellValue(msg.get("status." + k.status()));
            }
            for (int c = 0; c < 5; c++) {
                summary.setColumnWidth(c, c == 0 ? 40 * 256 : 18 * 256);
            }

            int sr = r + 1;
            String cost = Layout.costLine(report, msg, fmt);
            if (cost != null) {
                summary.createRow(sr++).createCell(0).setCellValue(cost);
            }
            for (String line : Layout.highlights(report, msg, fmt)) {
                summary.createRow(sr++).createCell(0).setCellValue(line);
            }
            summary.createRow(sr)
                    .createCell(0)
                    .setCellValue(msg.get("opening") + msg.get("colon") + report.openingSummary());

            Map<String, List<DataTable>> sections = new LinkedHashMap<>();
            for (DataTable t : report.tables()) {
                sections.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(t);
            }
            for (Map.Entry<String, List<DataTable>> section : sections.entrySet()) {
                String key = section.getKey();
                String sheetTitle =
                        msg.has("sheet." + key) ? msg.get("sheet." + key) : msg.get(key);
                Sheet sheet = wb.createSheet(sheetName(sheetTitle, names));
                boolean several = section.getValue().size() > 1;
                int rr = 0;
                int widest = 0;
                for (DataTable t : section.getValue()) {
                    if (several) {
                        Cell title0 = sheet.createRow(rr++).createCell(0);
                        title0.setCellValue(msg.get(t.titleKey()));
                        title0.setCellStyle(header);
                    }
                    Row head = sheet.createRow(rr++);
                    for (int c = 0; c < t.columns().size(); c++) {
                        Cell cell = head.createCell(c);
                        cell.setCellValue(msg.get(t.columns().get(c).key()));
                        cell.setCellStyle(header);
                    }
                    widest = Math.max(widest, t.columns().size());
                    for (List<Object> values : t.rows()) {
                        Row row = sheet.createRow(rr++);
                        for (int c = 0; c < values.size(); c++) {
                            cell(row.createCell(c), t.columns().get(c), values.get(c), styles);
                        }
                    }
                    String note = Layout.note(report, t, msg);
                    if (note != null) {
                        sheet.createRow(rr + 1).createCell(0).setCellValue(note);
                        rr += 2;
                    }
                    rr += 1;
                }
                for (int c = 0; c < widest; c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
                if (!several) {
                    sheet.createFreezePane(0, 1);
                }
            }
            wb.write(out);
        }
    }

    private static void cell(Cell cell, Column col, Object v, Map<Kind, CellStyle> styles) {
        if (v == null) {
            cell.setBlank();
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(styles.get(col.kind()));
        } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.get(Kind.DATE));
        } else {
            cell.setCellValue(v.toString());
        }
    }

    private static void headerRow(Row row, CellStyle style, Messages msg, List<String> keys) {
        for (int c = 0; c < keys.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(msg.get(keys.get(c)));
            cell.setCellStyle(style);
        }
    }

    private static void number(Cell cell, Double value, CellStyle style) {
        if (value == null) {
            cell.setBlank();
        } else {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static CellStyle style(XSSFWorkbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }

    private static String sheetName(String title, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(title);
        if (base.length() > 28) {
            base = base.substring(0, 28).strip();
        }
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase()); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
