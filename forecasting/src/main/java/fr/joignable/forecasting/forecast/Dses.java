package fr.joignable.forecasting.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Double-seasonal exponential smoothing with an AR(1) adjustment of the one-step errors (Taylor
 * 2003, "Short-term electricity demand forecasting using double seasonal exponential smoothing", J.
 * Oper. Res. Soc. 54). Additive form, daily period {@code m1} and weekly period {@code m2} of the
 * compressed series:
 *
 * <pre>
 *   e_t  = y_t − (l_{t−1} + d_{t−m1} + w_{t−m2})
 *   l_t  = l_{t−1} + α e_t
 *   d_t  = d_{t−m1} + δ (y_t − l_t − w_{t−m2} − d_{t−m1})
 *   w_t  = w_{t−m2} + ω (y_t − l_t − d_{t−m1} − w_{t−m2})
 *   ŷ_t(k) = l_t + d_{t−m1+k} + w_{t−m2+k} + φ^k e_t
 * </pre>
 *
 * A left-out value ({@code NaN}) is replaced by its forecast, so it changes no state. The level and
 * seasonal indices start from the means of the first two weeks; (α, δ, ω, φ) ∈ [0, 1]^4 minimise
 * the sum of squared one-step errors after those two weeks (BOBYQA, bounded, capped evaluations).
 */
public final class Dses {

    /** Weeks used to initialise the level and the indices. */
    public static final int INIT_WEEKS = 2;

    private static final int MAX_EVALUATIONS = 400;

    /**
     * Upper bound of α. The one-step errors barely tell a fast level (large α) from the AR(1) term
     * (large φ); a free α settles on a level that chases the noise of the last intervals, which
     * ruins forecasts beyond a few hours. Contact levels move over days, so α stays small.
     */
    public static final double MAX_ALPHA = 0.02;

    private final int m1;
    private final int m2;
    private double alpha;
    private double delta;
    private double omega;
    private double phi;

    public Dses(int m1, int m2, double alpha, double delta, double omega, double phi) {
        if (m1 <= 0 || m2 % m1 != 0) {
            throw new IllegalArgumentException("periods " + m1 + ", " + m2);
        }
        this.m1 = m1;
        this.m2 = m2;
        this.alpha = alpha;
        this.delta = delta;
        this.omega = omega;
        this.phi = phi;
    }

    /** True when {@code y} is long enough to fit: the initial weeks and one more. */
    public static boolean canFit(int length, int m2) {
        return length >= (INIT_WEEKS + 1) * m2;
    }

    /** Fits the parameters to {@code y} (one-step squared errors) and returns the fitted model. */
    public static Dses fit(double[] y, int m1, int m2) {
        return fit(y, m1, m2, MAX_ALPHA);
    }

    /** Fits with the level's smoothing parameter at most {@code maxAlpha}. */
    public static Dses fit(double[] y, int m1, int m2, double maxAlpha) {
        double a0 = Math.min(0.1, maxAlpha / 2);
        Dses model = new Dses(m1, m2, a0, 0.1, 0.1, 0.5);
        MultivariateFunction sse = p -> new Dses(m1, m2, p[0], p[1], p[2], p[3]).run(y, null).sse;
        try {
            BOBYQAOptimizer optimizer =
                    new BOBYQAOptimizer(9, Math.min(0.25, maxAlpha / 2.5), 1e-4);
            PointValuePair best =
                    optimizer.optimize(
                            new MaxEval(MAX_EVALUATIONS),
                            new ObjectiveFunction(sse),
                            GoalType.MINIMIZE,
                            new InitialGuess(new double[] {a0, 0.1, 0.1, 0.5}),
                            new SimpleBounds(new double[4], new double[] {maxAlpha, 1, 1, 1}));
            double[] p = best.getPoint();
            model = new Dses(m1, m2, p[0], p[1], p[2], p[3]);
        } catch (TooManyEvaluationsException e) {
            // keep the starting parameters: a fit that does not converge in budget is rare
        }
        return model;
    }

    public double alpha() {
        return alpha;
    }

    public double delta() {
        return delta;
    }

    public double omega() {
        return omega;
    }

    public double phi() {
        return phi;
    }

    /** Runs the smoothing over {@code y}, then forecasts the {@code horizon} next values. */
    public double[] forecast(double[] y, int horizon) {
        double[] out = new double[horizon];
        run(y, out);
        return out;
    }

    private record Run(double sse) {}

    private Run run(double[] y, double[] out) {
        int n = y.length;
        double[] d = new double[m1];
        double[] w = new double[m2];
        double level = initialise(y, d, w);
        int burn = Math.min(INIT_WEEKS * m2, Math.max(0, n - m2));
        double e = 0;
        double sse = 0;
        for (int t = 0; t < n; t++) {
            int i1 = t % m1;
            int i2 = t % m2;
            double base = level + d[i1] + w[i2];
            double fc = base + phi * e;
            double v = y[t];
            if (Double.isNaN(v)) {
                v = fc;
            } else if (t >= burn) {
                double err = v - fc;
                sse += err * err;
            }
            e = v - base;
            double newLevel = level + alpha * e;
            double dOld = d[i1];
            d[i1] = dOld + delta * (v - newLevel - w[i2] - dOld);
            w[i2] = w[i2] + omega * (v - newLevel - dOld - w[i2]);
            level = newLevel;
        }
        if (out != null) {
            double ar = e;
            for (int k = 1; k <= out.length; k++) {
                ar *= phi;
                int t = n - 1 + k;
                out[k - 1] = level + d[t % m1] + w[t % m2] + ar;
            }
        }
        return new Run(sse);
    }

    /** Level and indices from the means of the first weeks; returns the level. */
    private double initialise(double[] y, double[] d, double[] w) {
        int len = Math.min(y.length, INIT_WEEKS * m2);
        double sum = 0;
        int count = 0;
        for (int t = 0; t < len; t++) {
            if (!Double.isNaN(y[t])) {
                sum += y[t];
                count++;
            }
        }
        double level = count == 0 ? 0 : sum / count;
        double[] ds = new double[m1];
        int[] dc = new int[m1];
        for (int t = 0; t < len; t++) {
            if (!Double.isNaN(y[t])) {
                ds[t % m1] += y[t] - level;
                dc[t % m1]++;
            }
        }
        for (int s = 0; s < m1; s++) {
            d[s] = dc[s] == 0 ? 0 : ds[s] / dc[s];
        }
        double[] ws = new double[m2];
        int[] wc = new int[m2];
        for (int t = 0; t < len; t++) {
            if (!Double.isNaN(y[t])) {
                ws[t % m2] += y[t] - level - d[t % m1];
                wc[t % m2]++;
            }
        }
        for (int j = 0; j < m2; j++) {
            w[j] = wc[j] == 0 ? 0 : ws[j] / wc[j];
        }
        return level;
    }
}
