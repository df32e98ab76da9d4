package fr.joignable.forecasting.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The best pick by rolling-origin cross-validation on the compressed series.
 *
 * <p>From {@code origins} origins one week apart, the latest one {@code len} values before the end
 * of the series, every candidate that can be fitted on the data before the origin forecasts the
 * next {@code len} values (the horizon asked for, at most four weeks). Each candidate's WAPE is
 * Σ|actual − max(0, forecast)| / Σ actual over all origins. The choice is the mean of the {@link
 * #POOL} best candidates (forecast pooling: Kourentzes, Barrow and Petropoulos 2019, "Another look
 * at forecast selection and combination: evidence from forecast pooling", Int. J. Production
 * Economics 209, 226–235), ties broken by the order of {@link Model#CANDIDATES}; with {@code
 * combine} false, the single best. The held-out pairs (forecast of the choice, actual) are kept for
 * the calibration of the prediction intervals.
 *
 * @param members the models averaged (one for a single model)
 * @param wape the backtest WAPE of the choice ({@code NaN} when nothing could be measured)
 * @param forecasts the choice's backtest forecasts, one per held-out value with an actual
 * @param actuals the matching actuals
 * @param leads the position of each pair in its horizon (0 = the first value after the origin)
 */
record Selection(Model[] members, double wape, double[] forecasts, double[] actuals, int[] leads) {

    /**
     * Candidates averaged by the pick. Three: the candidates are close (most are the same GLM with
     * another level), and the single best or the best of {1, 2, 3} by backtest followed the noise
     * of eight overlapping 4-week windows; on the development protocol of docs/forecasting.md
     * (weeks before the test's) the mean of the three best, with {@link Model#GLMPERSIST} among the
     * candidates, had the smallest WAPE summed over the seven series at 28 days (119.32 points
     * against 119.80 for the previous rule) and no larger at 7 and 1 day (−0.12, +0.02).
     */
    static final int POOL = 3;

    /** The label of the choice: {@code profile}, {@code profile+dses}, … */
    String label() {
        StringBuilder b = new StringBuilder();
        for (Model m : members) {
            if (b.length() > 0) {
                b.append('+');
            }
            b.append(m.label());
        }
        return b.toString();
    }

    static Selection pick(
            double[] y, Candidates cands, Model[] pool, int len, int origins, boolean combine) {
        return pick(y, cands, pool, len, origins, combine, origins);
    }

    /**
     * The same, with the held-out pairs of the choice taken from {@code calibOrigins} ≥ {@code
     * origins} origins one week apart: the choice is refitted at the older ones (more distinct
     * weeks for the interval calibration, whose level errors are correlated over a 4-week horizon).
     */
    static Selection pick(
            double[] y,
            Candidates cands,
            Model[] pool,
            int len,
            int origins,
            boolean combine,
            int calibOrigins) {
        List<Model> usable = new ArrayList<>();
        int firstOrigin = y.length - len - (origins - 1) * cands.m2();
        for (Model m : pool) {
            if (cands.canFit(m, Math.max(0, firstOrigin)) || cands.canFit(m, y.length - len)) {
                usable.add(m);
            }
        }
        int c = usable.size();
        List<double[]> actual = new ArrayList<>();
        List<double[][]> fc = new ArrayList<>();
        boolean[] failed = new boolean[c];
        for (int r = 0; r < origins; r++) {
            int origin = y.length - len - r * cands.m2();
            if (origin < cands.m2()) {
                break;
            }
            double[] past = Arrays.copyOf(y, origin);
            double[][] f = new double[c][];
            for (int i = 0; i < c; i++) {
                if (!cands.canFit(usable.get(i), origin)) {
                    failed[i] = true;
                    f[i] = new double[len];
                    continue;
                }
                f[i] = cands.forecast(usable.get(i), past, len);
                for (int k = 0; k < len; k++) {
                    f[i][k] = Math.max(0, f[i][k]);
                }
            }
            fc.add(f);
            actual.add(Arrays.copyOfRange(y, origin, origin + len));
        }
        double total = 0;
        for (double[] a : actual) {
            for (double v : a) {
                total += Double.isNaN(v) ? 0 : v;
            }
        }
        if (total <= 0 || c == 0) {
            Model fallback = usable.contains(Model.MEAN4) ? Model.MEAN4 : pool[0];
            return new Selection(
                    new Model[] {fallback}, Double.NaN, new double[0], new double[0], new int[0]);
        }
        double[] err = new double[c];
        for (int i = 0; i < c; i++) {
            err[i] = failed[i] ? Double.POSITIVE_INFINITY : error(fc, actual, new int[] {i});
        }
        Integer[] order = new Integer[c];
        for (int i = 0; i < c; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> err[i]));
        int[] best = {order[0]};
        double bestErr = err[order[0]];
        if (combine) {
            // the mean of the POOL best (fewer when fewer could be fitted)
            int size = Math.min(POOL, c);
            while (size > 1 && !Double.isFinite(err[order[size - 1]])) {
                size--;
            }
            best = Arrays.copyOf(Arrays.stream(order).mapToInt(Integer::intValue).toArray(), size);
            bestErr = error(fc, actual, best);
        }
        Model[] members = new Model[best.length];
        for (int i = 0; i < best.length; i++) {
            members[i] = usable.get(best[i]);
        }
        // the choice's held-out pairs, from the selection's origins then the older ones
        List<double[]> cf = new ArrayList<>();
        List<double[]> ca = new ArrayList<>();
        for (int r = 0; r < actual.size(); r++) {
            double[] f = new double[len];
            for (int k = 0; k < len; k++) {
                f[k] = mean(fc.get(r), best, k);
            }
            cf.add(f);
            ca.add(actual.get(r));
        }
        for (int r = actual.size(); r < calibOrigins; r++) {
            int origin = y.length - len - r * cands.m2();
            if (origin < cands.m2() || !canFitAll(cands, members, origin)) {
                break;
            }
            cf.add(cands.forecast(members, Arrays.copyOf(y, origin), len));
            ca.add(Arrays.copyOfRange(y, origin, origin + len));
        }
        int count = 0;
        for (double[] a : ca) {
            for (double v : a) {
                count += Double.isNaN(v) ? 0 : 1;
            }
        }
        double[] pf = new double[count];
        double[] pa = new double[count];
        int[] pl = new int[count];
        int q = 0;
        for (int r = 0; r < ca.size(); r++) {
            double[] a = ca.get(r);
            for (int k = 0; k < len; k++) {
                if (!Double.isNaN(a[k])) {
                    pf[q] = cf.get(r)[k];
                    pl[q] = k;
                    pa[q++] = a[k];
                }
            }
        }
        return new Selection(members, bestErr / total, pf, pa, pl);
    }

    private static boolean canFitAll(Candidates cands, Model[] members, int length) {
        for (Model m : members) {
            if (!cands.canFit(m, length)) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[][] f, int[] members, int k) {
        double s = 0;
        for (int i : members) {
            s += f[i][k];
        }
        return s / members.length;
    }

    private static double error(List<double[][]> fc, List<double[]> actual, int[] members) {
        double e = 0;
        for (int r = 0; r < actual.size(); r++) {
            double[] a = actual.get(r);
            double[][] f = fc.get(r);
            for (int k = 0; k < a.length; k++) {
                if (!Double.isNaN(a[k])) {
                    e += Math.abs(a[k] - mean(f, members, k));
                }
            }
        }
        return e;
    }
}
