package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProfilesTest {

    /** Floating-point rounding only. */
    private static final double EXACT = 1e-9;

    private static boolean[][] allOpen(int nd, int m1) {
        boolean[][] open = new boolean[nd][m1];
        for (boolean[] row : open) {
            java.util.Arrays.fill(row, true);
        }
        return open;
    }

    /** y(day j, slot s) = total(w) · share(s): every variant forecasts it exactly. */
    @Test
    void anExactMultiplicativePatternIsForecastExactly() {
        int m1 = 4;
        int nd = 5;
        double[] total = {10_000, 8000, 8000, 6000, 4000};
        double[] share = {0.1, 0.4, 0.3, 0.2}; // smooth() keeps the pooled shape's total only
        int weeks = 10;
        double[] y = new double[weeks * nd * m1];
        for (int j = 0; j < weeks * nd; j++) {
            for (int s = 0; s < m1; s++) {
                y[j * m1 + s] = total[j % nd] * share[s];
            }
        }
        for (Profiles.Variant v : Profiles.Variant.values()) {
            double[] f = Profiles.forecast(y, m1, nd * m1, 2 * nd * m1, allOpen(nd, m1), v);
            for (int k = 0; k < f.length; k++) {
                int j = k / m1;
                // shrinking towards the pooled shape smoothed over neighbouring slots moves a
                // share by at most λ / (C(w) + λ) · 0.1 < 0.4 % at these volumes
                assertThat(f[k])
                        .as("%s position %d", v, k)
                        .isCloseTo(total[j % nd] * share[k % m1], within(0.004 * total[j % nd]));
            }
            // daily totals are exact: the shares sum to 1
            for (int j = 0; j < 2 * nd; j++) {
                double sum = 0;
                for (int s = 0; s < m1; s++) {
                    sum += f[j * m1 + s];
                }
                assertThat(sum).as("%s day %d", v, j).isCloseTo(total[j % nd], within(1e-6));
            }
        }
    }

    /** p(w, s) = (C(w, s) + λ P_w(s)) / (C(w) + λ), computed by hand on one week. */
    @Test
    void theWeekdayShapeIsShrunkTowardsThePooledShape() {
        int m1 = 2;
        int nd = 2;
        // one week: weekday 0 = (30, 10), weekday 1 = (10, 30)
        double[] y = {30, 10, 10, 30};
        double[][] p = Profiles.shares(y, m1, nd, allOpen(nd, m1));
        // pooled (40, 40), smoothed (40, 40): P = (0.5, 0.5); λ = 50 · 2 = 100; C(0) = 40
        double lambda = Profiles.SHRINK_PER_SLOT * m1;
        assertThat(p[0][0]).isCloseTo((30 + lambda * 0.5) / (40 + lambda), within(EXACT));
        assertThat(p[1][0]).isCloseTo((10 + lambda * 0.5) / (40 + lambda), within(EXACT));
        assertThat(p[0][0] + p[0][1]).isCloseTo(1, within(EXACT));
    }

    @Test
    void aClosedSlotOfOneWeekdayGetsNoShare() {
        int m1 = 2;
        int nd = 2;
        double[] y = {30, 10, 40, 0, 30, 10, 40, 0};
        boolean[][] open = allOpen(nd, m1);
        open[1][1] = false;
        double[][] p = Profiles.shares(y, m1, nd, open);
        assertThat(p[1][1]).isZero();
        assertThat(p[1][0]).isCloseTo(1, within(EXACT));
    }

    @Test
    void theWeeklyMeanWeighsRecentWeeksMore() {
        int m1 = 1;
        int nd = 1;
        // totals of the last weeks, oldest first: 10 for 4 weeks, then 20 for 2 weeks
        double[] y = {10, 10, 10, 10, 20, 20};
        double[] f = Profiles.forecast(y, m1, 1, 1, allOpen(nd, m1), Profiles.Variant.WEEKLY_MEAN);
        double r = Profiles.MEAN_DECAY;
        double w = 1 + r + r * r + r * r * r + r * r * r * r + r * r * r * r * r;
        double expected =
                (20 + 20 * r + 10 * (r * r + r * r * r + r * r * r * r + r * r * r * r * r)) / w;
        assertThat(f[0]).isCloseTo(expected, within(EXACT));
    }
}
