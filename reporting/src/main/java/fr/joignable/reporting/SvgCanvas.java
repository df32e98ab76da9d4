package fr.joignable.reporting;

import java.util.Locale;

/** A {@link Canvas} that writes an inline SVG element. */
public final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder(8192);
    private final double width;
    private final double height;

    public SvgCanvas(double width, double height, String label) {
        this.width = width;
        this.height = height;
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\""
                                + " role=\"img\" aria-label=\"%s\" class=\"chart\""
                                + " font-family=\"Helvetica, Arial, sans-serif\">",
                        width,
                        height,
                        HtmlRenderer.escape(label)));
    }

    private static String color(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    @Override
    public void rect(double x, double y, double w, double h, int rgb) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>",
                        x,
                        y,
                        w,
                        h,
                        color(rgb)));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                                + " stroke-width=\"%.2f\"/>",
                        x1,
                        y1,
                        x2,
                        y2,
                        color(rgb),
                        width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double width) {
        svg.append("<polyline fill=\"none\" stroke=\"")
                .append(color(rgb))
                .append(String.format(Locale.ROOT, "\" stroke-width=\"%.2f\" points=\"", width));
        for (int i = 0; i < xs.length; i++) {
            svg.append(String.format(Locale.ROOT, "%.2f,%.2f ", xs[i], ys[i]));
        }
        svg.append("\"/>");
    }

    @Override
    public void text(
            double x, double y, String text, double size, int rgb, Align align, boolean bold) {
        String anchor = align == Align.LEFT ? "start" : align == Align.CENTER ? "middle" : "end";
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" fill=\"%s\""
                                + " text-anchor=\"%s\"%s>",
                        x,
                        y,
                        size,
                        color(rgb),
                        anchor,
                        bold ? " font-weight=\"bold\"" : ""));
        svg.append(HtmlRenderer.escape(text)).append("</text>");
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The complete SVG element. */
    public String toSvg() {
        return svg + "</svg>";
    }
}
