package fr.joignable.reporting;

import fr.joignable.reporting.Canvas.Align;
import fr.joignable.reporting.ReportModel.Day;
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
    public static final double HEAT_HEIGHT = 190;

    private static final double LEFT = 46;
    private static final double RIGHT = 10;
    private static final double TOP = 26;
    private static final double BOTTOM = 26;

    private Charts() {}

    /** Offered and answered contacts per day, as paired bars. */
    public static void volume(Canvas c, List<Day> days, Messages msg, Fmt fmt) {
        double max = 1;
        for (Day d : days) {
            max = Math.max(max, d.offered());
        }
        double top = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        c.text(LEFT, 14, msg.get("chart.volume"), 11, TEXT, Align.LEFT, true);
        legend(c, WIDTH - RIGHT - 150, 14, OFFERED, msg.get("chart.offered"));
        legend(c, WIDTH - RIGHT - 75, 14, ANSWERED, msg.get("chart.answered"));
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            c.line(LEFT, y, LEFT + plotW, y, GRID, 0.6);
            c.text(LEFT - 4, y + 3, fmt.count(v), 8, GREY, Align.RIGHT, false);
        }
        int n = Math.max(1, days.size());
        double slot = plotW / n;
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

    /** Service level per day, as a line against the green target. */
    public static void serviceLevel(Canvas c, List<Day> days, Messages msg, Fmt fmt) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        c.text(LEFT, 14, msg.get("chart.sl"), 11, TEXT, Align.LEFT, true);
        legend(
                c,
                WIDTH - RIGHT - 150,
                14,
                AMBER,
                msg.get("chart.target") + " " + fmt.pct(Targets.SL_GREEN));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            c.line(LEFT, y, LEFT + plotW, y, GRID, 0.6);
            c.text(LEFT - 4, y + 3, fmt.pct(i / 4.0), 8, GREY, Align.RIGHT, false);
        }
        double ty = TOP + plotH - plotH * Targets.SL_GREEN;
        c.line(LEFT, ty, LEFT + plotW, ty, AMBER, 1.2);
        int n = Math.max(1, days.size());
        double slot = plotW / n;
        int count = 0;
        for (Day d : days) {
            if (d.serviceLevel() != null) {
                count++;
            }
        }
        double[] xs = new double[count];
        double[] ys = new double[count];
        int k = 0;
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = LEFT + i * slot + slot / 2;
            if (d.serviceLevel() != null) {
                xs[k] = x;
                ys[k] = TOP + plotH - plotH * d.serviceLevel();
                k++;
            }
            dayLabel(c, days, i, x, TOP + plotH + 12, fmt);
        }
        c.polyline(xs, ys, ANSWERED, 2);
        for (int i = 0; i < count; i++) {
            double sl = (TOP + plotH - ys[i]) / plotH;
            int color = sl >= Targets.SL_GREEN ? GREEN : sl >= Targets.SL_AMBER ? AMBER : RED;
            c.rect(xs[i] - 2.2, ys[i] - 2.2, 4.4, 4.4, color);
        }
        c.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, GREY, 0.8);
    }

    /** Service level by weekday (rows) and hour (columns), hours with any contact only. */
    public static void heatmap(Canvas c, Double[][] heat, Messages msg, Fmt fmt) {
        int first = 24;
        int last = -1;
        for (Double[] row : heat) {
            for (int h = 0; h < 24; h++) {
                if (row[h] != null) {
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
        double cellH = (HEAT_HEIGHT - top - 22) / 7;
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
            for (int h = first; h <= last; h++) {
                double x = left + (h - first) * cellW;
                Double sl = heat[wd][h];
                int fill =
                        sl == null
                                ? 0xF5F5F5
                                : sl >= Targets.SL_GREEN
                                        ? 0xA5D6A7
                                        : sl >= Targets.SL_AMBER ? 0xFFE082 : 0xEF9A9A;
                c.rect(x + 0.5, y + 0.5, cellW - 1, cellH - 1, fill);
                if (sl != null) {
                    c.text(
                            x + cellW / 2,
                            y + cellH / 2 + 3,
                            Long.toString(Math.round(sl * 100)),
                            cellW < 22 ? 6.5 : 8,
                            TEXT,
                            Align.CENTER,
                            false);
                }
            }
        }
        for (int h = first; h <= last; h++) {
            double x = left + (h - first) * cellW + cellW / 2;
            c.text(x, top + 7 * cellH + 12, h + "h", 8, GREY, Align.CENTER, false);
        }
    }

    private static void dayLabel(Canvas c, List<Day> days, int i, double x, double y, Fmt fmt) {
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
