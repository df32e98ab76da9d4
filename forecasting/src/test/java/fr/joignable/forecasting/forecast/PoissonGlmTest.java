package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonGlmTest {

    /** IRLS converges to the exact solution up to rounding. */
    private static final double EXACT = 1e-7;

    /** Counts exactly on log μ = a + b·x: the fit recovers (a, b). */
    @Test
    void recoversAnExactLogLinearModel() {
        int n = 30;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            x[i][1] = i / 10.0;
            y[i] = Math.exp(2.0 + 0.3 * x[i][1]);
            w[i] = 1;
        }
        double[] beta = PoissonGlm.fit(x, y, w, new double[2], new double[] {Math.log(10), 0});
        assertThat(beta[0]).isCloseTo(2.0, within(EXACT));
        assertThat(beta[1]).isCloseTo(0.3, within(EXACT));
    }

    /**
     * With one-hot weekday columns only, the Poisson MLE of each weekday is the weighted mean of
     * its counts (the score equation Σ w (y − μ) = 0 per column): a second, closed-form method.
     */
    @Test
    void oneHotColumnsGiveWeightedMeans() {
        double[] counts = {10, 20, 14, 30, 8, 26};
        int[] day = {0, 1, 0, 1, 0, 1};
        double[] w = {0.5, 0.5, 0.8, 0.8, 1, 1};
        double[][] x = new double[6][2];
        for (int i = 0; i < 6; i++) {
            x[i][day[i]] = 1;
        }
        double[] beta = PoissonGlm.fit(x, counts, w, new double[2], new double[] {2, 2});
        double mean0 = (0.5 * 10 + 0.8 * 14 + 1 * 8) / (0.5 + 0.8 + 1);
        double mean1 = (0.5 * 20 + 0.8 * 30 + 1 * 26) / (0.5 + 0.8 + 1);
        assertThat(Math.exp(beta[0])).isCloseTo(mean0, within(EXACT));
        assertThat(Math.exp(beta[1])).isCloseTo(mean1, within(EXACT));
    }

    /**
     * The negative-binomial fit with one-hot columns: its score equation per column, Σ w (y − μ) /
     * (1 + κ μ) = 0, has μ constant within a column, so the fit is again the weighted mean whatever
     * κ.
     */
    @Test
    void negativeBinomialOneHotColumnsGiveWeightedMeansToo() {
        double[] counts = {10, 20, 14, 30, 8, 26};
        int[] day = {0, 1, 0, 1, 0, 1};
        double[] w = {0.5, 0.5, 0.8, 0.8, 1, 1};
        double[][] x = new double[6][2];
        for (int i = 0; i < 6; i++) {
            x[i][day[i]] = 1;
        }
        double[] beta = PoissonGlm.fit(x, counts, w, new double[2], new double[] {2, 2}, 0.3);
        assertThat(Math.exp(beta[0]))
                .isCloseTo((0.5 * 10 + 0.8 * 14 + 1 * 8) / (0.5 + 0.8 + 1), within(EXACT));
        assertThat(Math.exp(beta[1]))
                .isCloseTo((0.5 * 20 + 0.8 * 30 + 1 * 26) / (0.5 + 0.8 + 1), within(EXACT));
    }

    /**
     * With an intercept and a slope, the NB fit weighs large counts less than the Poisson: on
     * counts exactly log-linear except one large outlier at the high end, the NB slope moves less
     * towards the outlier. And κ by moments on hand-made residuals: Σ w((y − μ)² − μ) / Σ w μ².
     */
    @Test
    void negativeBinomialWeighsLargeCountsLessAndItsKappaIsTheMomentEstimate() {
        int n = 20;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            x[i][1] = i / 10.0;
            y[i] = Math.exp(3 + 0.5 * x[i][1]);
            w[i] = 1;
        }
        y[n - 1] *= 1.5;
        double[] start = {3, 0};
        double[] poisson = PoissonGlm.fit(x, y, w, new double[2], start);
        double[] nb = PoissonGlm.fit(x, y, w, new double[2], start, 0.5);
        assertThat(poisson[1]).isGreaterThan(0.5);
        assertThat(nb[1]).isGreaterThan(0.5).isLessThan(poisson[1]);

        double[][] one = {{1}, {1}, {1}};
        double[] ys = {8, 12, 13};
        double[] ws = {1, 2, 1};
        double[] b = {Math.log(10)};
        double num = 1 * (4 - 10) + 2 * (4 - 10) + 1 * (9 - 10);
        double den = 1 * 100 + 2 * 100 + 1 * 100;
        assertThat(num).isNegative();
        assertThat(PoissonGlm.momentKappa(one, ys, ws, b)).isZero(); // num < 0: clipped at 0
        double[] ys2 = {2, 20, 15};
        double num2 = 1 * (64 - 10) + 2 * (100 - 10) + 1 * (25 - 10);
        assertThat(PoissonGlm.momentKappa(one, ys2, ws, b)).isCloseTo(num2 / den, within(EXACT));
    }

    /** The GLM daily totals of {@link Profiles}: decayed weekday means (0.95 per week). */
    @Test
    void glmTotalsAreDecayedWeekdayMeans() {
        int nd = 2;
        double[] t = {100, 50, 120, 60, Double.NaN, 70};
        double[] got = Profiles.glmTotals(t, nd);
        double r = Profiles.GLM_DECAY;
        // weekday 0: days 0 (age 2 weeks), 2 (age 1); day 4 left out
        assertThat(got[0]).isCloseTo((r * r * 100 + r * 120) / (r * r + r), within(EXACT));
        assertThat(got[1]).isCloseTo((r * r * 50 + r * 60 + 70) / (r * r + r + 1), within(EXACT));
    }
}
