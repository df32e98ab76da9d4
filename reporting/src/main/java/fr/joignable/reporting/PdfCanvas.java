package fr.joignable.reporting;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;

/** A {@link Canvas} over an OpenPDF content byte (a template), flipping y. */
public final class PdfCanvas implements Canvas {

    private final PdfContentByte cb;
    private final double height;
    private final BaseFont regular;
    private final BaseFont bold;

    public PdfCanvas(PdfContentByte cb, double height, BaseFont regular, BaseFont bold) {
        this.cb = cb;
        this.height = height;
        this.regular = regular;
        this.bold = bold;
    }

    private float y(double y) {
        return (float) (height - y);
    }

    @Override
    public void rect(double x, double y, double w, double h, int rgb) {
        cb.setColorFill(new Color(rgb));
        cb.rectangle((float) x, y(y + h), (float) w, (float) h);
        cb.fill();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
        cb.setColorStroke(new Color(rgb));
        cb.setLineWidth((float) width);
        cb.moveTo((float) x1, y(y1));
        cb.lineTo((float) x2, y(y2));
        cb.stroke();
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double width) {
        if (xs.length == 0) {
            return;
        }
        cb.setColorStroke(new Color(rgb));
        cb.setLineWidth((float) width);
        cb.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        cb.moveTo((float) xs[0], y(ys[0]));
        for (int i = 1; i < xs.length; i++) {
            cb.lineTo((float) xs[i], y(ys[i]));
        }
        cb.stroke();
    }

    @Override
    public void text(
            double x, double y, String text, double size, int rgb, Align align, boolean isBold) {
        int pdfAlign =
                align == Align.LEFT
                        ? PdfContentByte.ALIGN_LEFT
                        : align == Align.CENTER
                                ? PdfContentByte.ALIGN_CENTER
                                : PdfContentByte.ALIGN_RIGHT;
        cb.beginText();
        cb.setFontAndSize(isBold ? bold : regular, (float) size);
        cb.setColorFill(new Color(rgb));
        cb.showTextAligned(pdfAlign, PdfRenderer.pdfText(text), (float) x, y(y), 0);
        cb.endText();
    }
}
