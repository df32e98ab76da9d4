package fr.joignable.reporting;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import fr.joignable.reporting.ReportModel.Column;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/** The report as an A4 PDF (OpenPDF): the HTML's content, paginated, charts drawn as vectors. */
public final class PdfRenderer {

    private static final Color BLUE = new Color(0x0D47A1);
    private static final Color HEADER_BG = new Color(0xE3F2FD);
    private static final Color LINE = new Color(0xE0E0E0);
    private static final Color MUTED = new Color(0x616161);

    private final BaseFont regular;
    private final BaseFont bold;

    public PdfRenderer() {
        try {
            regular =
                    BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            bold =
                    BaseFont.createFont(
                            BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("standard PDF fonts unavailable", e);
        }
    }

    /** Characters the standard fonts (Windows-1252) cannot show, replaced. */
    static String pdfText(String text) {
        return text.replace('\u2212', '-')
                .replace("≥", ">=")
                .replace("≤", "<=")
                .replace('\u202F', '\u00A0')
                .replace("Σ", "");
    }

    private Font font(float size, boolean isBold, Color color) {
        Font f = new Font(isBold ? bold : regular, size);
        f.setColor(color);
        return f;
    }

    private Phrase phrase(String text, float size, boolean isBold, Color color) {
        return new Phrase(pdfText(text), font(size, isBold, color));
    }

    public void render(Report report, OutputStream out) throws IOException {
        Messages msg = new Messages(report.lang());
        Formats fmt = new Formats(report.lang());
        Document doc = new Document(PageSize.A4, 36, 36, 40, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setStrictImageSequence(true);
            String footer =
                    msg.get("title") + " — " + HtmlRenderer.capitalize(fmt.month(report.month()));
            writer.setPageEvent(new Footer(pdfText(footer)));
            doc.addTitle(pdfText(footer));
            doc.open();

            Paragraph title = new Paragraph(phrase(msg.get("title"), 18, true, BLUE));
            doc.add(title);
            Paragraph sub = new Paragraph();
            sub.add(
                    new Chunk(
                            pdfText(HtmlRenderer.capitalize(fmt.month(report.month()))),
                            font(13, true, Color.BLACK)));
            sub.add(new Chunk(pdfText(" — " + msg.get("subtitle")), font(11, false, MUTED)));
            sub.setSpacingAfter(8);
            doc.add(sub);

            heading(doc, msg.get("section.kpis"));
            PdfPTable tiles = new PdfPTable(3);
            tiles.setWidthPercentage(100);
            tiles.setSpacingBefore(2);
            for (Kpi k : report.kpis()) {
                tiles.addCell(tile(k, msg, fmt));
            }
            int rest = (3 - report.kpis().size() % 3) % 3;
            for (int i = 0; i < rest; i++) {
                PdfPCell empty = new PdfPCell();
                empty.setBorder(Rectangle.NO_BORDER);
                tiles.addCell(empty);
            }
            doc.add(tiles);
            String cost = Layout.costLine(report, msg, fmt);
            if (cost != null) {
                Paragraph p = new Paragraph();
                p.add(
                        new Chunk(
                                pdfText(msg.get("section.cost") + msg.get("colon")),
                                font(9, true, BLUE)));
                p.add(new Chunk(pdfText(cost), font(9, false, Color.BLACK)));
                p.setSpacingBefore(5);
                doc.add(p);
            }
            DataTable channels = Layout.table(report, Layout.CHANNELS);
            if (channels != null) {
                table(doc, report, channels, msg, fmt, true);
            }
            List<String> highlights = Layout.highlights(report, msg, fmt);
            if (!highlights.isEmpty()) {
                heading(doc, msg.get("section.highlights"));
                for (String line : highlights) {
                    Paragraph p = new Paragraph(phrase(line, 9, false, Color.BLACK));
                    p.setSpacingAfter(2);
                    doc.add(p);
                }
            }
            Paragraph opening =
                    new Paragraph(
                            phrase(
                                    msg.get("opening") + msg.get("colon") + report.openingSummary(),
                                    8,
                                    false,
                                    MUTED));
            opening.setSpacingBefore(3);
            doc.add(opening);

            doc.newPage();
            heading(doc, msg.get("section.trend"));
            doc.add(chart(writer, Charts.HEIGHT, c -> Charts.volume(c, report.days(), msg, fmt)));
            doc.add(
                    chart(
                            writer,
                            Charts.HEIGHT,
                            c ->
                                    Charts.serviceLevel(
                                            c, report.days(), msg, fmt, report.targets())));
            if (writer.getVerticalPosition(true) - doc.bottom() < Charts.HEAT_HEIGHT + 40) {
                doc.newPage();
            }
            heading(doc, msg.get("section.heat_phone"));
            doc.add(
                    chart(
                            writer,
                            Charts.HEAT_HEIGHT,
                            c ->
                                    Charts.heatmap(
                                            c,
                                            report.heat(),
                                            report.open(),
                                            Charts.Scale.SERVICE_LEVEL,
                                            msg,
                                            fmt,
                                            report.targets())));
            DataTable heat = Layout.table(report, Layout.HEAT);
            if (heat != null) {
                note(doc, Layout.note(report, heat, msg));
            }
            for (Layout.Section section : Layout.sections(report)) {
                heading(doc, msg.get(section.key()));
                boolean several = section.tables().size() > 1;
                for (DataTable t : section.tables()) {
                    if (t.id().equals(Layout.RELANCE_HEAT)) {
                        if (report.relanceHeat() != null) {
                            if (writer.getVerticalPosition(true) - doc.bottom()
                                    < Charts.HEAT_HEIGHT + 30) {
                                doc.newPage();
                            }
                            subheading(doc, msg.get("section.heat_relances"));
                            doc.add(
                                    chart(
                                            writer,
                                            Charts.HEAT_HEIGHT,
                                            c ->
                                                    Charts.heatmap(
                                                            c,
                                                            report.relanceHeat(),
                                                            report.open(),
                                                            Charts.Scale.RELANCE,
                                                            msg,
                                                            fmt,
                                                            report.targets())));
                        }
                        continue;
                    }
                    table(doc, report, t, msg, fmt, !several);
                }
            }

            heading(doc, msg.get("section.method"));
            for (String key : Layout.METHOD_KEYS) {
                Paragraph p =
                        new Paragraph(
                                phrase(Layout.method(key, msg, fmt), 8.5f, false, Color.DARK_GRAY));
                p.setSpacingAfter(3);
                doc.add(p);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private PdfPCell tile(Kpi k, Messages msg, Formats fmt) {
        Color status = new Color(Charts.statusColor(k.status()));
        PdfPCell cell = new PdfPCell();
        cell.setBorderColor(LINE);
        cell.setBorderWidthLeft(5);
        cell.setBorderColorLeft(status);
        cell.setPadding(2);
        cell.setPaddingBottom(4);
        cell.setPaddingLeft(7);
        Paragraph label = new Paragraph(phrase(msg.get(k.key()), 8, false, MUTED));
        label.setLeading(10);
        cell.addElement(label);
        Paragraph value =
                new Paragraph(phrase(fmt.kpi(k.kind(), k.value()), 15, true, Color.BLACK));
        value.setLeading(18);
        cell.addElement(value);
        Paragraph st = new Paragraph();
        st.setLeading(9);
        st.add(new Chunk(pdfText(msg.get("status." + k.status())), font(8, true, status)));
        st.add(
                new Chunk(
                        pdfText("  " + msg.get("col.target") + msg.get("colon") + k.target()),
                        font(7.5f, false, MUTED)));
        cell.addElement(st);
        Paragraph prev =
                new Paragraph(
                        phrase(
                                msg.get("col.previous")
                                        + msg.get("colon")
                                        + fmt.kpi(k.kind(), k.previous())
                                        + " ("
                                        + fmt.change(k.kind(), k.value(), k.previous())
                                        + ")",
                                7,
                                false,
                                MUTED));
        prev.setLeading(9);
        cell.addElement(prev);
        return cell;
    }

    private void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(phrase(text, 12.5f, true, BLUE));
        p.setSpacingBefore(10);
        p.setSpacingAfter(6);
        p.setKeepTogether(true);
        doc.add(p);
    }

    private Image chart(PdfWriter writer, double height, Consumer<Canvas> draw)
            throws DocumentException {
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate tpl = cb.createTemplate((float) Charts.WIDTH, (float) height);
        draw.accept(new PdfCanvas(tpl, height, regular, bold));
        Image image = Image.getInstance(tpl);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingAfter(6);
        return image;
    }

    private void subheading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(phrase(text, 10, true, BLUE));
        p.setSpacingBefore(6);
        p.setSpacingAfter(2);
        p.setKeepTogether(true);
        doc.add(p);
    }

    private void note(Document doc, String text) throws DocumentException {
        if (text == null) {
            return;
        }
        Paragraph note = new Paragraph(phrase(text, 7.5f, false, MUTED));
        note.setSpacingBefore(2);
        doc.add(note);
    }

    /** A table; with {@code own}, the table is its section (the section's heading is its title). */
    private void table(
            Document doc, Report report, DataTable t, Messages msg, Formats fmt, boolean own)
            throws DocumentException {
        if (own) {
            if (t.id().equals(Layout.CHANNELS)) {
                heading(doc, msg.get(t.titleKey()));
            }
        } else {
            subheading(doc, msg.get(t.titleKey()));
        }
        PdfPTable table = new PdfPTable(t.columns().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        for (Column c : t.columns()) {
            PdfPCell cell = new PdfPCell(phrase(msg.get(c.key()), 7.5f, true, BLUE));
            cell.setBackgroundColor(HEADER_BG);
            cell.setBorderColor(LINE);
            cell.setHorizontalAlignment(align(c.kind()));
            cell.setPadding(3);
            table.addCell(cell);
        }
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Column c = t.columns().get(i);
                PdfPCell cell =
                        new PdfPCell(
                                phrase(fmt.value(c.kind(), row.get(i)), 7.5f, false, Color.BLACK));
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(LINE);
                cell.setHorizontalAlignment(align(c.kind()));
                cell.setPadding(2.5f);
                table.addCell(cell);
            }
        }
        doc.add(table);
        note(doc, Layout.note(report, t, msg));
    }

    private static int align(Kind kind) {
        return kind == Kind.TEXT || kind == Kind.DATE ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT;
    }

    /** Title and page number at the bottom of every page. */
    private final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            cb.beginText();
            cb.setFontAndSize(regular, 7.5f);
            cb.setColorFill(MUTED);
            cb.showTextAligned(PdfContentByte.ALIGN_LEFT, text, document.left(), 24, 0);
            cb.showTextAligned(
                    PdfContentByte.ALIGN_RIGHT,
                    Integer.toString(writer.getPageNumber()),
                    document.right(),
                    24,
                    0);
            cb.endText();
        }
    }
}
