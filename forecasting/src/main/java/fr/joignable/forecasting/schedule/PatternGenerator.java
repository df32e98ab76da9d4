package fr.joignable.forecasting.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Every shift pattern the rules allow on an open day: a start on the {@code startStep} grid from
 * {@code earliestStart} and a paid length of {@code lengths}; a shift of at least {@code lunchFrom}
 * paid minutes has an unpaid lunch, one pattern per lunch start on the {@code lunchStep} grid in
 * the window with {@code minWorkAroundLunch} of work on both sides; a shift without lunch that
 * reaches {@code legalBreakAfter} gets the legal break at its middle. Then each stretch of work of
 * at least {@code breakFromStretch} gets a short break at its middle (on the 5-minute grid). A
 * pattern is kept only if it ends by {@code latestEnd}, works at most {@code maxDaily} and no
 * stretch of work exceeds {@code legalBreakAfter}.
 */
final class PatternGenerator {

    private PatternGenerator() {}

    static List<ShiftPattern> patterns(ShiftRules r) {
        List<ShiftPattern> out = new ArrayList<>();
        int first = ceilTo(r.earliestStart(), r.startStep());
        int lunchFirst = ceilTo(r.lunchEarliest().toSecondOfDay() / 60, r.lunchStep());
        int lunchEnd = r.lunchLatestEnd().toSecondOfDay() / 60;
        for (int length : r.lengths()) {
            if (length > r.maxDaily()) {
                continue;
            }
            boolean lunch = length >= r.lunchFrom() && r.lunchLength() > 0;
            int span = length + (lunch ? r.lunchLength() : 0);
            for (int start = first; start + span <= r.latestEnd(); start += r.startStep()) {
                int end = start + span;
                if (lunch) {
                    for (int l = lunchFirst; l + r.lunchLength() <= lunchEnd; l += r.lunchStep()) {
                        if (l - start < r.minWorkAroundLunch()
                                || end - (l + r.lunchLength()) < r.minWorkAroundLunch()) {
                            continue;
                        }
                        List<int[]> pauses = new ArrayList<>();
                        pauses.add(new int[] {l, l + r.lunchLength()});
                        ShiftPattern p = withBreaks(r, start, end, pauses, length, true);
                        if (p != null) {
                            out.add(p);
                        }
                    }
                } else {
                    List<int[]> pauses = new ArrayList<>();
                    if (length >= r.legalBreakAfter() && r.legalBreakLength() > 0) {
                        int mid = roundTo(start + (length - r.legalBreakLength()) / 2, 5);
                        pauses.add(new int[] {mid, mid + r.legalBreakLength()});
                    }
                    ShiftPattern p = withBreaks(r, start, end, pauses, length, false);
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** Adds the short breaks to the stretches between {@code pauses}; null if a rule fails. */
    private static ShiftPattern withBreaks(
            ShiftRules r, int start, int end, List<int[]> pauses, int paid, boolean lunch) {
        List<int[]> all = new ArrayList<>(pauses);
        int from = start;
        List<int[]> stretches = new ArrayList<>();
        for (int[] p : pauses) {
            stretches.add(new int[] {from, p[0]});
            from = p[1];
        }
        stretches.add(new int[] {from, end});
        for (int[] s : stretches) {
            int len = s[1] - s[0];
            if (r.breakLength() > 0 && r.breakFromStretch() > 0 && len >= r.breakFromStretch()) {
                int b = roundTo(s[0] + (len - r.breakLength()) / 2, 5);
                all.add(new int[] {b, b + r.breakLength()});
            }
        }
        all.sort((x, y) -> Integer.compare(x[0], y[0]));
        // the longest stretch without a break of the legal length
        int legal = Math.max(20, r.legalBreakLength());
        int last = start;
        for (int[] b : all) {
            if (b[1] - b[0] >= legal) {
                if (b[0] - last > r.legalBreakAfter()) {
                    return null;
                }
                last = b[1];
            }
        }
        if (end - last > r.legalBreakAfter()) {
            return null;
        }
        return new ShiftPattern(start, end, all, paid, lunch);
    }

    static int ceilTo(int x, int step) {
        return Math.floorDiv(x + step - 1, step) * step;
    }

    static int roundTo(int x, int step) {
        return Math.round((float) x / step) * step;
    }
}
