package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinnedIntervalsTest {

    private static final int WEEK = 10;

    /** Pairs (μ, actual, lead) collected for a calibration. */
    private static final class Pairs {
        final List<double[]> rows = new ArrayList<>();

        void add(double mu, double actual, int lead) {
            rows.add(new double[] {mu, actual, lead});
        }

        BinnedIntervals calibrate() {
            int n = rows.size();
            double[] f = new double[n];
            double[] a = new double[n];
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                f[i] = rows.get(i)[0];
                a[i] = rows.get(i)[1];
                l[i] = (int) rows.get(i)[2];
            }
            return BinnedIntervals.calibrate(f, a, l, WEEK);
        }
    }

    /**
     * Errors of ±1 at μ = 4, 16, 64 (150 pairs each, first week) make κ = 0 (Σ(e² − μ) < 0), so |r|
     * = 1/√μ = 0.5, 0.25, 0.125 exactly in the three level cells; the level cuts are the 1/3 and
     * 2/3 quantiles of the μ (type 7: 4 + ⅔·12 = 12 and 16 + ⅓·48 = 32). In the second week 40
     * pairs per level (errors ±3, |r| = 1.5, 0.75, 0.375) are too few for a cell but 120 are enough
     * for the week: its 80 % quantile, 1.5 (order statistics 95 and 96 of 120), holds for every
     * level.
     */
    @Test
    void halfWidthsPerLevelCellAndLeadWeekAsComputedByHand() {
        Pairs p = new Pairs();
        double[] mus = {4, 16, 64};
        for (double mu : mus) {
            for (int i = 0; i < 150; i++) {
                p.add(mu, mu + (i % 2 == 0 ? 1 : -1), i % WEEK);
            }
            for (int i = 0; i < 40; i++) {
                p.add(mu, mu + (i % 2 == 0 ? 3 : -3), WEEK + i % WEEK);
            }
        }
        BinnedIntervals pi = p.calibrate();
        assertThat(pi.pooled().kappa()).isZero();
        assertThat(pi.levelCuts()).containsExactly(new double[] {12, 32}, within(1e-9));
        assertThat(pi.c()[0]).containsExactly(new double[] {0.5, 0.25, 0.125}, within(1e-12));
        assertThat(pi.c()[1]).containsExactly(new double[] {1.5, 1.5, 1.5}, within(1e-12));
        // P90 = μ + c √μ: 4 + 0.5·2 = 5, 64 + 0.125·8 = 65; a week later 64 + 1.5·8 = 76
        assertThat(pi.p90(4, 3)).isCloseTo(5, within(1e-9));
        assertThat(pi.p10(4, 3)).isCloseTo(3, within(1e-9));
        assertThat(pi.p90(64, 0)).isCloseTo(65, within(1e-9));
        assertThat(pi.p90(64, WEEK + 2)).isCloseTo(76, within(1e-9));
        // beyond the calibrated weeks, the last week's widths
        assertThat(pi.p90(64, 5 * WEEK)).isCloseTo(76, within(1e-9));
    }

    /**
     * Errors whose relative size falls with the level faster than μ + κμ² says (sd = 0.3 μ at μ ≤
     * 20, 0.03 μ at μ ≥ 200: a profile that misses the edges of the day more than its middle):
     * calibrated per level, P10–P90 covers 80 % ± 2 points of fresh draws in every level cell (12
     * 000 pairs, a share's sampling error about 0.7 point per cell), where one width for all pairs
     * misses by more than 5 points in at least one cell.
     */
    @Test
    void eachLevelCellIsCoveredEightyPercent() {
        Random rng = new Random(7);
        Pairs cal = new Pairs();
        int n = 12_000;
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = i % 3 == 0 ? 10 + i % 10 : i % 3 == 1 ? 60 + i % 10 : 200 + i % 50;
            cal.add(mu[i], draw(rng, mu[i]), i % WEEK);
        }
        BinnedIntervals binned = cal.calibrate();
        BinnedIntervals pooled = BinnedIntervals.of(binned.pooled());
        double worstPooled = 0;
        for (int cell = 0; cell < 3; cell++) {
            int in = 0;
            int inPooled = 0;
            int count = 0;
            for (int i = cell; i < n; i += 3) {
                double y = draw(rng, mu[i]);
                in += y >= binned.p10(mu[i], 0) && y <= binned.p90(mu[i], 0) ? 1 : 0;
                inPooled += y >= pooled.p10(mu[i], 0) && y <= pooled.p90(mu[i], 0) ? 1 : 0;
                count++;
            }
            assertThat(in / (double) count).isCloseTo(0.80, within(0.02));
            worstPooled = Math.max(worstPooled, Math.abs(inPooled / (double) count - 0.80));
        }
        assertThat(worstPooled).isGreaterThan(0.05);
    }

    /** A normal error whose relative size falls with the level (0.3 below 20, 0.03 above 200). */
    private static double draw(Random rng, double mu) {
        double rel = mu < 20 ? 0.3 : mu < 100 ? 0.1 : 0.03;
        return mu + rel * mu * rng.nextGaussian();
    }

    /**
     * Errors that double from one lead week to the next: each week's P10–P90 covers 80 % ± 2 points
     * of fresh draws (4 000 pairs a week).
     */
    @Test
    void eachLeadWeekIsCoveredEightyPercent() {
        Random rng = new Random(11);
        Pairs cal = new Pairs();
        int perWeek = 4_000;
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < perWeek; i++) {
                cal.add(100, 100 + 5 * (1 << w) * rng.nextGaussian(), w * WEEK + i % WEEK);
            }
        }
        BinnedIntervals pi = cal.calibrate();
        for (int w = 0; w < 3; w++) {
            int in = 0;
            for (int i = 0; i < perWeek; i++) {
                double y = 100 + 5 * (1 << w) * rng.nextGaussian();
                int lead = w * WEEK + i % WEEK;
                in += y >= pi.p10(100, lead) && y <= pi.p90(100, lead) ? 1 : 0;
            }
            assertThat(in / (double) perWeek).isCloseTo(0.80, within(0.02));
        }
    }

    @Test
    void tooFewPairsFallBackToThePoissonInterval() {
        BinnedIntervals pi =
                BinnedIntervals.calibrate(
                        new double[] {10, 10}, new double[] {9, 12}, new int[] {0, 1}, WEEK);
        assertThat(pi.pooled()).isEqualTo(Intervals80.POISSON);
        assertThat(pi.p90(100, 0)).isCloseTo(112.816, within(1e-9));
        assertThat(pi.p10(0, 0)).isZero();
    }

    @Test
    void levelCountsTheCutsStrictlyBelow() {
        double[] cuts = {12, 32};
        assertThat(BinnedIntervals.level(cuts, 5)).isZero();
        assertThat(BinnedIntervals.level(cuts, 12)).isZero();
        assertThat(BinnedIntervals.level(cuts, 20)).isEqualTo(1);
        assertThat(BinnedIntervals.level(cuts, 100)).isEqualTo(2);
    }
}
