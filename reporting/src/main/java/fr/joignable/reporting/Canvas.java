package fr.joignable.reporting;

/**
 * The few drawing operations the report's charts need, in a top-left coordinate system (y down), in
 * points. Implemented for SVG ({@link SvgCanvas}) and OpenPDF ({@link PdfCanvas}).
 */
public interface Canvas {

    /** Text alignment relative to the anchor x. */
    enum Align {
        LEFT,
        CENTER,
        RIGHT
    }

    void rect(double x, double y, double w, double h, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb, double width);

    void polyline(double[] xs, double[] ys, int rgb, double width);

    /** Text whose baseline is at {@code y}. */
    void text(double x, double y, String text, double size, int rgb, Align align, boolean bold);
}
