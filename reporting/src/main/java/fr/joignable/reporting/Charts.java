package fr.joignable.reporting;

import fr.joignable.reporting.Canvas.Align;
import fr.joignable.reporting.ReportModel.Day;
import java.util.ArrayList;
import java.util.List;

/** The report's charts, drawn on any {@link Canvas}. */
public final class Charts {

    public static final int GREEN = 0x2E7D32;
    public static final int AMBER = 0xE69100;
    public static final int RED = 0xC62828;
    public static final int GREY = 0x757575;
    public static final int GRID = 0xE0E0E0;
    public static final int TEXT = 0x212121;
    public static final int OFFERED = 0x90CAF9;
    public static final int ANSWERED = 0x1565C0;

    /** Chart size, in points. */
    public static final double WIDTH = 520;

    public static final double HEIGHT = 200;
    public static final double HEAT_HEIGHT = 215;

    private static final double LEFT = 46;
    private static final double RIGHT = 10;
    private static final double TOP = 26;
    private static final double BOTTOM = 26;

    private Charts() {}

    /** Fill of a closed day or hour. */
    public static final int CLOSED = 0xD6D6D6;

    public static final int CHAT = 0x00897B;

    /** How a heat map's values are coloured. */
    public enum Scale {
        /** Service level: green from 80 %, amber from 70 %, red below. */
        SERVICE_LEVEL,
        /** Share of relances: green up to 10 %, amber up to 20 %, red above. */
        RELANCE
    }

    /** Offered and answered contacts per day, as paired bars; closed days shaded. */
    public static void volume(Canvas c, List<Day> days, Messages msg, Formats fmt) {
        double max = 1;
        for (Day d : days) {
            max = Math.max(max, d.offered());
        }
        double top = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        c.text(LEFT, 14, msg.get("chart.volume"), 11, TEXT, Align.LEFT, true);
        legend(c, WIDTH - RIGHT - 215, 14, CLOSED, msg.get("chart.closed"));
        legend(c, WIDTH - RIGHT - 150, 14, OFFERED, msg.get("chart.offered"));
        legend(c, WIDTH - RIGHT - 75, 14, ANSWERED, msg.get("chart.answered"));
        int n = Math.max(1, days.size());
        double slot = plotW / n;
        closedDays(c, days, slot, plotH);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            c.line(LEFT, y, LEFT + plotW, y, GRID, 0.6);
            c.text(LEFT - 4, y + 3, fmt.count(v), 8, GREY, Align.RIGHT, false);
        }
        double bar = Math.max(1, slot * 0.38);
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            double ho = plotH * d.offered() / top;
            double ha = plotH * d.answered() / top;
            c.rect(x, TOP + plotH - ho, bar, ho, OFFERED);
            c.rect(x + bar, TOP + plotH - ha, bar, ha, ANSWERED);
            dayLabel(c, days, i, LEFT + i * slot + slot / 2, TOP + plotH + 12, fmt);
        }
        c.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, GREY, 0.8);
    }

    private static void closedDays(Canvas c, List<Day> days, double slot, double plotH) {
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).open()) {
                c.rect(LEFT + i * slot, TOP, slot, plotH, 0xEEEEEE);
            }
        }
    }

    /**
     * Phone and chat service level per day (each against its own threshold), as lines broken on
     * closed days, against the green target.
     */
    public static void serviceLevel(
            Canvas c, List<Day> days, Messages msg, Formats fmt, ReportTargets t) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        c.text(LEFT, 14, msg.get("chart.sl2"), 11, TEXT, Align.LEFT, true);
        int n = Math.max(1, days.size());
        double slot = plotW / n;
        closedDays(c, days, slot, plotH);
        legend(c, LEFT, HEIGHT - 3, ANSWERED, msg.get("chart.phone"));
        legend(c, LEFT + 75, HEIGHT - 3, CHAT, msg.get("chart.chat"));
        legend(
                c,
                LEFT + 130,
                HEIGHT - 3,
                AMBER,
                msg.get("chart.target") + " " + fmt.pct(t.slGreen()));
        legend(c, LEFT + 230, HEIGHT - 3, CLOSED, msg.get("chart.closed"));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            c.line(LEFT, y, LEFT + plotW, y, GRID, 0.6);
            c.text(LEFT - 4, y + 3, fmt.pct(i / 4.0), 8, GREY, Align.RIGHT, false);
        }
        double ty = TOP + plotH - plotH * t.slGreen();
        c.line(LEFT, ty, LEFT + plotW, ty, AMBER, 1.2);
        for (int i = 0; i < days.size(); i++) {
            dayLabel(c, days, i, LEFT + i * slot + slot / 2, TOP + plotH + 12, fmt);
        }
        line(c, days, slot, plotH, true, CHAT, 1.4, t);
        line(c, days, slot, plotH, false, ANSWERED, 2, t);
        c.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, GREY, 0.8);
    }

    private static void line(
            Canvas c,
            List<Day> days,
            double slot,
            double plotH,
            boolean chat,
            int color,
            double w,
            ReportTargets t) {
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= days.size(); i++) {
            Double sl = null;
            if (i < days.size() && days.get(i).open()) {
                sl = chat ? days.get(i).chatServiceLevel() : days.get(i).phoneServiceLevel();
            }
            if (sl != null) {
                run.add(new double[] {LEFT + i * slot + slot / 2, TOP + plotH - plotH * sl, sl});
                continue;
            }
            if (!run.isEmpty()) {
                double[] xs = new double[run.size()];
                double[] ys = new double[run.size()];
                for (int k = 0; k < run.size(); k++) {
                    xs[k] = run.get(k)[0];
                    ys[k] = run.get(k)[1];
                }
                c.polyline(xs, ys, color, w);
                for (double[] p : run) {
                    int dot = p[2] >= t.slGreen() ? GREEN : p[2] >= t.slAmber() ? AMBER : RED;
                    double r = chat ? 1.6 : 2.2;
                    c.rect(p[0] - r, p[1] - r, 2 * r, 2 * r, chat ? color : dot);
                }
                run.clear();
            }
        }
    }

    /**
     * A weekday (rows) × hour (columns) heat map over the open hours' span: closed cells grey and
     * blank, open cells without contacts white, others coloured by {@code scale} with their value
     * in percent; a weekday closed all day says so.
     */
    public static void heatmap(
            Canvas c,
            Double[][] values,
            boolean[][] open,
            Scale scale,
            Messages msg,
            Formats fmt,
            ReportTargets t) {
        int first = 24;
        int last = -1;
        for (boolean[] row : open) {
            for (int h = 0; h < 24; h++) {
                if (row[h]) {
                    first = Math.min(first, h);
                    last = Math.max(last, h);
                }
            }
        }
        if (last < 0) {
            first = 8;
            last = 18;
        }
        int hours = last - first + 1;
        double left = 34;
        double top = 8;
        double cellW = (WIDTH - left - RIGHT) / hours;
        double cellH = (HEAT_HEIGHT - top - 40) / 7;
        for (int wd = 0; wd < 7; wd++) {
            double y = top + wd * cellH;
            c.text(
                    left - 4,
                    y + cellH / 2 + 3,
                    msg.get("weekday." + (wd + 1)),
                    8.5,
                    TEXT,
                    Align.RIGHT,
                    false);
            boolean any = false;
            for (int h = first; h <= last; h++) {
                double x = left + (h - first) * cellW;
                Double v = values[wd][h];
                if (!open[wd][h]) {
                    c.rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1, CLOSED);
                    continue;
                }
                any = true;
                if (v == null) {
                    c.rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1, GRID);
                    c.rect(x + 1, y + 1, cellW - 2, cellH - 2, 0xFFFFFF);
                    continue;
                }
                c.rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1, fill(scale, v, t));
                c.text(
                        x + cellW / 2,
                        y + cellH / 2 + 3,
                        Long.toString(Math.round(v * 100)),
                        cellW < 22 ? 6.5 : 8,
                        TEXT,
                        Align.CENTER,
                        false);
            }
            if (!any) {
                c.text(
                        left + hours * cellW / 2,
                        y + cellH / 2 + 3,
                        msg.get("heat.closed"),
                        8,
                        GREY,
                        Align.CENTER,
                        false);
            }
        }
        for (int h = first; h <= last; h++) {
            double x = left + (h - first) * cellW + cellW / 2;
            c.text(x, top + 7 * cellH + 12, h + "h", 8, GREY, Align.CENTER, false);
        }
        double ly = top + 7 * cellH + 30;
        String[] labels =
                scale == Scale.SERVICE_LEVEL
                        ? new String[] {
                            "≥ " + wholePct(t.slGreen()),
                            wholePct(t.slAmber()) + "–" + wholePct(t.slGreen()),
                            "< " + wholePct(t.slAmber())
                        }
                        : new String[] {
                            "≤ " + wholePct(t.dupGreen()),
                            wholePct(t.dupGreen()) + "–" + wholePct(t.dupAmber()),
                            "> " + wholePct(t.dupAmber())
                        };
        int[] colours = {0xA5D6A7, 0xFFE082, 0xEF9A9A};
        double lx = left;
        for (int i = 0; i < 3; i++) {
            legend(c, lx, ly, colours[i], labels[i]);
            lx += 70;
        }
        legend(c, lx, ly, CLOSED, msg.get("heat.closed"));
        c.rect(lx + 70, ly - 8, 9, 9, GRID);
        c.rect(lx + 70.5, ly - 7.5, 8, 8, 0xFFFFFF);
        c.text(lx + 82, ly, msg.get("heat.nodata"), 9, TEXT, Align.LEFT, false);
    }

    /**
     * A bound of the legend in whole percent with a thin space ({@code 80 %}): the same in both
     * languages.
     */
    private static String wholePct(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    private static int fill(Scale scale, double v, ReportTargets t) {
        if (scale == Scale.SERVICE_LEVEL) {
            return v >= t.slGreen() ? 0xA5D6A7 : v >= t.slAmber() ? 0xFFE082 : 0xEF9A9A;
        }
        return v <= t.dupGreen() ? 0xA5D6A7 : v <= t.dupAmber() ? 0xFFE082 : 0xEF9A9A;
    }

    private static void dayLabel(Canvas c, List<Day> days, int i, double x, double y, Formats fmt) {
        int step = days.size() > 16 ? 3 : 1;
        if (i % step == 0) {
            c.text(x, y, fmt.shortDate(days.get(i).day()), 7.5, GREY, Align.CENTER, false);
        }
    }

    private static void legend(Canvas c, double x, double y, int color, String label) {
        c.rect(x, y - 8, 9, 9, color);
        c.text(x + 12, y, label, 9, TEXT, Align.LEFT, false);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    public static int statusColor(ReportModel.Status status) {
        switch (status) {
            case GREEN:
                return GREEN;
            case AMBER:
                return AMBER;
            case RED:
                return RED;
            default:
                return GREY;
        }
    }
}
