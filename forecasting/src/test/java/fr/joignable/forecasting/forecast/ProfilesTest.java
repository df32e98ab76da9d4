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
                        && v != Profiles.Variant.GLM_PERSIST
                        && v != Profiles.Variant.GLM_ADAPT) {
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

    /**
     * The empirical-Bayes shrinkage by hand on one week: weekday 0 = (30, 10), weekday 1 = (10,
     * 30). Weights 1, so n_w = C(w)² / Σ wt² T = 40² / 40 = 40; pooled (40, 40), smoothed (40, 40):
     * P = (½, ½). D = 2 · ((¼)² / ½ + (¼)² / ½) = ½; noise Σ (k − 1)/n_w = 2/40; τ = (½ − 1/20) / 2
     * = 0.225; λ = 1/τ − 1 = 3.444…; p(0, 0) = (40 · ¾ + λ · ½) / (40 + λ).
     */
    @Test
    void theWeekdayShapeIsShrunkByTheEstimatedAmount() {
        int m1 = 2;
        int nd = 2;
        double[] y = {30, 10, 10, 30};
        double[][] p = Profiles.shares(y, m1, nd, allOpen(nd, m1));
        double tau = (0.5 - 2.0 / 40) / 2;
        double lambda = 1 / tau - 1;
        assertThat(lambda).isCloseTo(3.4444444444, within(1e-9));
        assertThat(p[0][0]).isCloseTo((40 * 0.75 + lambda * 0.5) / (40 + lambda), within(EXACT));
        assertThat(p[0][0]).isCloseTo(0.730179, within(1e-6));
        assertThat(p[1][0]).isCloseTo((40 * 0.25 + lambda * 0.5) / (40 + lambda), within(EXACT));
        assertThat(p[0][0] + p[0][1]).isCloseTo(1, within(EXACT));
    }

    /**
     * Weighted counts: C(w, s) = (3, 1) and (1, 3) with Σ wt² T = 1 per weekday, so n_w = 16; D = ½
     * as above, noise 2/16, τ = (½ − ⅛)/2 = 0.1875, λ = 1/τ − 1 = 13/3. Weekdays whose shares
     * differ by less than Poisson noise (D below the noise term) get the pooled shape itself.
     */
    @Test
    void theEstimatedShrinkageUsesTheEffectiveCountsAndPoolsWhenNoiseExplainsTheDifferences() {
        double[][] c = {{3, 1}, {1, 3}};
        double[] pooled = {1, 1};
        boolean[][] open = allOpen(2, 2);
        double[][] p = Profiles.empiricalShares(c, new double[] {1, 1}, pooled, open);
        double lambda = 13.0 / 3;
        assertThat(p[0][0]).isCloseTo((16 * 0.75 + lambda * 0.5) / (16 + lambda), within(EXACT));
        // Σ wt² T = 10: n_w = 1.6, noise 2/1.6 > D = ½, τ < 0: the pooled shape
        double[][] q = Profiles.empiricalShares(c, new double[] {10, 10}, pooled, open);
        assertThat(q[0][0]).isCloseTo(0.5, within(EXACT));
        assertThat(q[1][1]).isCloseTo(0.5, within(EXACT));
    }

    /**
     * Seeded Poisson draws: five weekdays of one shape at 40 contacts a day for 20 weeks are pulled
     * to the pooled shape (the shares' squared error to the true shape at most a third of the raw
     * shares'); five weekdays of different shapes at 4 000 a day keep their own (own weight &gt;
     * 0.9: the shares within 0.01 of the truth).
     */
    @Test
    void aSeriesWithoutWeekdayDifferencesIsPooledAndOneWithThemKeepsItsOwn() {
        int m1 = 8;
        int nd = 5;
        int weeks = 20;
        org.apache.commons.math3.random.Well19937c rng =
                new org.apache.commons.math3.random.Well19937c(11);
        double[] base = {0.05, 0.1, 0.15, 0.2, 0.2, 0.15, 0.1, 0.05};
        for (boolean differ : new boolean[] {false, true}) {
            double perDay = differ ? 4000 : 40;
            double[][] truth = new double[nd][m1];
            for (int w = 0; w < nd; w++) {
                double sum = 0;
                for (int s = 0; s < m1; s++) {
                    truth[w][s] = differ ? base[(s + w) % m1] : base[s];
                    sum += truth[w][s];
                }
                for (int s = 0; s < m1; s++) {
                    truth[w][s] /= sum;
                }
            }
            double[] y = new double[weeks * nd * m1];
            for (int j = 0; j < weeks * nd; j++) {
                for (int s = 0; s < m1; s++) {
                    double mu = perDay * truth[j % nd][s];
                    y[j * m1 + s] =
                            new org.apache.commons.math3.distribution.PoissonDistribution(
                                            rng, mu, 1e-12, 10_000_000)
                                    .sample();
                }
            }
            double[][] p = Profiles.shares(y, m1, nd, allOpen(nd, m1));
            double errShrunk = 0;
            double errRaw = 0;
            for (int w = 0; w < nd; w++) {
                double[] raw = new double[m1];
                double tot = 0;
                for (int j = w; j < weeks * nd; j += nd) {
                    for (int s = 0; s < m1; s++) {
                        raw[s] += y[j * m1 + s];
                        tot += y[j * m1 + s];
                    }
                }
                for (int s = 0; s < m1; s++) {
                    errShrunk += Math.pow(p[w][s] - truth[w][s], 2);
                    errRaw += Math.pow(raw[s] / tot - truth[w][s], 2);
                    if (differ) {
                        assertThat(p[w][s]).isCloseTo(truth[w][s], within(0.01));
                    }
                }
            }
            if (!differ) {
                assertThat(errShrunk).isLessThan(errRaw / 3);
            }
        }
    }

    /** ℓ_0 = 1, ℓ_i = ℓ_{i−1} + α (r_i − ℓ_{i−1}) by hand: α = ½, r = (2, 0, 1). */
    @Test
    void theSmoothedLevelFollowsTheRecurrence() {
        double[] level = Profiles.smoothedLevel(new double[] {2, 0, 1}, 0.5);
        assertThat(level).containsExactly(new double[] {1, 1.5, 0.75, 0.875}, within(EXACT));
    }

    /**
     * A step of the ratios from 1 to 1.5 leaves one-day-ahead errors 0.5 (1 − α)^k, whose sum of
     * squares 0.25 (1 − (1 − α)^{2K}) / (1 − (1 − α)²) falls with α: the fastest α of the grid.
     * Ratios scattered around a steady 1 (seeded normal, sd 0.15, 130 days): the errors' variance
     * σ² (1 + α / (2 − α)) grows with α: a slow α (at most 0.05).
     */
    @Test
    void theLevelSmoothingIsFastForAStepAndSlowForNoise() {
        double[] step = new double[130];
        for (int i = 0; i < step.length; i++) {
            step[i] = i < 60 ? 1 : 1.5;
        }
        double[] grid = Profiles.LEVEL_ALPHAS;
        assertThat(Profiles.levelAlpha(step)).isEqualTo(grid[grid.length - 1]);
        java.util.Random rng = new java.util.Random(7);
        double[] noise = new double[130];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 1 + 0.15 * rng.nextGaussian();
        }
        assertThat(Profiles.levelAlpha(noise)).isLessThanOrEqualTo(0.05);
    }

    /**
     * glmadapt is the GLM's totals times the level with the fitted α: on totals that step from 1
     * 000 to 1 300 a day (one weekday, one slot) it follows the step more than glmpersist (α =
     * 0.1), and both are the GLM times their level on every day ahead.
     */
    @Test
    void glmadaptKeepsTheLevelWithItsFittedSmoothing() {
        int m1 = 1;
        int nd = 1;
        double[] y = new double[80];
        for (int j = 0; j < y.length; j++) {
            y[j] = j < 70 ? 1000 : 1300;
        }
        boolean[][] open = allOpen(nd, m1);
        double[] glm = Profiles.forecast(y, m1, nd, 3, open, Profiles.Variant.GLM);
        double[] persist = Profiles.forecast(y, m1, nd, 3, open, Profiles.Variant.GLM_PERSIST);
        double[] adapt = Profiles.forecast(y, m1, nd, 3, open, Profiles.Variant.GLM_ADAPT);
        for (int k = 0; k < 3; k++) {
            assertThat(adapt[k] / glm[k]).isCloseTo(adapt[0] / glm[0], within(EXACT));
        }
        assertThat(adapt[0]).isGreaterThan(persist[0]);
        assertThat(adapt[0]).isLessThan(1300);
        // the level with α = 0.3 after ten days at 1300 / GLM: 1 − 0.7^10 of the way there
        assertThat(adapt[0]).isGreaterThan(1250);
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
