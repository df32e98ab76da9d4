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

    /**
     * A sparse series (letters to one queue) with no contact at all on one weekday: that weekday's
     * factor is 0 and its days carry no information on the level. Every variant must still give a
     * finite forecast, 0 on that weekday (the damped trend once turned 0/0 into NaN for good, and
     * the NaN reached forecast.csv as an empty field that {@code staff} rejects).
     */
    @Test
    void aWeekdayWithoutContactsGivesFiniteForecasts() {
        int m1 = 4;
        int nd = 5;
        int weeks = 10;
        double[] y = new double[weeks * nd * m1];
        for (int j = 0; j < weeks * nd; j++) {
            if (j % nd != 2) {
                y[j * m1 + (j % m1)] = 1 + (j % 3);
            }
        }
        for (Profiles.Variant v : Profiles.Variant.values()) {
            double[] f = Profiles.forecast(y, m1, nd * m1, 2 * nd * m1, allOpen(nd, m1), v);
            for (int k = 0; k < f.length; k++) {
                assertThat(Double.isFinite(f[k])).as("%s position %d: %s", v, k, f[k]).isTrue();
                assertThat(f[k]).as("%s position %d", v, k).isGreaterThanOrEqualTo(0);
                if ((k / m1) % nd == 2
                        && v != Profiles.Variant.GLM
                        && v != Profiles.Variant.GLM_LEVEL
                        && v != Profiles.Variant.GLM_PERSIST) {
                    assertThat(f[k]).as("%s weekday without contacts", v).isZero();
                }
            }
        }
    }

    /**
     * The GLM level: ℓ ← ℓ + α (T / T̂ − ℓ) from 1, by hand on a one-weekday series whose GLM total
     * is 100: ratios 1, 1.2, 0.8 give 1, 1.02, 1.02 + α (0.8 − 1.02).
     */
    @Test
    void theGlmLevelIsTheSmoothedRatioOfTotalsToTheGlm() {
        double a = Profiles.GLM_LEVEL_ALPHA;
        double[] beta = {Math.log(100)};
        double[] t = {100, 120, Double.NaN, 80};
        double l1 = 1 + a * (1.2 - 1);
        double l2 = l1 + a * (0.8 - l1);
        assertThat(Profiles.glmLevel(beta, t, 1, null)).isCloseTo(l2, within(EXACT));
    }

    /**
     * Totals that step from 1000 to 800 a day for the last two weeks: {@code glmlevel} forecasts
     * the next day nearer 800 than {@code glm}, and its deviation from {@code glm} fades by φ per
     * open day ahead (the ratio of the deviations of two consecutive days is φ).
     */
    @Test
    void theGlmLevelFollowsAStepAndFadesBackToTheGlm() {
        int m1 = 2;
        int nd = 5;
        int weeks = 12;
        double[] y = new double[weeks * nd * m1];
        for (int j = 0; j < weeks * nd; j++) {
            double total = j >= (weeks - 2) * nd ? 800 : 1000;
            y[j * m1] = total / 2;
            y[j * m1 + 1] = total / 2;
        }
        boolean[][] open = allOpen(nd, m1);
        int ahead = 2 * m1;
        double[] glm = Profiles.forecast(y, m1, nd * m1, ahead, open, Profiles.Variant.GLM);
        double[] lvl = Profiles.forecast(y, m1, nd * m1, ahead, open, Profiles.Variant.GLM_LEVEL);
        double day1Glm = glm[0] + glm[1];
        double day1Lvl = lvl[0] + lvl[1];
        assertThat(day1Lvl).isLessThan(day1Glm).isGreaterThan(800);
        double dev1 = day1Lvl / day1Glm - 1;
        double dev2 = (lvl[2] + lvl[3]) / (glm[2] + glm[3]) - 1;
        assertThat(dev2 / dev1).isCloseTo(Profiles.GLM_LEVEL_PHI, within(1e-9));
        // glmpersist keeps the whole level ℓ on every day: ℓ = 1 + dev1 / (ω φ), the first day's
        // deviation of glmlevel undone, the same ratio to glm on both days
        double[] per = Profiles.forecast(y, m1, nd * m1, ahead, open, Profiles.Variant.GLM_PERSIST);
        double level = 1 + dev1 / (Profiles.GLM_LEVEL_WEIGHT * Profiles.GLM_LEVEL_PHI);
        assertThat((per[0] + per[1]) / day1Glm).isCloseTo(level, within(1e-9));
        assertThat((per[2] + per[3]) / (glm[2] + glm[3])).isCloseTo(level, within(1e-9));
        assertThat(level).isLessThan(1);
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
