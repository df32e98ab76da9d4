package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class Intervals80Test {

    /** Sampling error of a share over 20 000 draws is about 0.2 %; 1.5 points is ample. */
    private static final double SHARE_TOLERANCE = 0.015;

    /** Negative-binomial draws (gamma-Poisson) with mean mu and variance mu + kappa·mu². */
    private static double[] draws(double[] mu, double kappa, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[] y = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            double shape = 1 / kappa;
            double lambda = new GammaDistribution(rng, shape, mu[i] / shape).sample();
            y[i] = lambda <= 0 ? 0 : new PoissonDistribution(rng, lambda, 1e-12, 10_000).sample();
        }
        return y;
    }

    @Test
    void p90IsExceededTenPercentOfTheTimeOnFreshDraws() {
        int n = 20_000;
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 2 + 40 * ((i * 7919) % 100) / 100.0; // small and large counts mixed
        }
        double kappa = 0.05;
        Intervals80 pi = Intervals80.calibrate(mu, draws(mu, kappa, 1));
        assertThat(pi.kappa()).isCloseTo(kappa, within(0.01));
        double[] fresh = draws(mu, kappa, 2);
        int above = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            above += fresh[i] > pi.p90(mu[i]) ? 1 : 0;
            below += fresh[i] < pi.p10(mu[i]) ? 1 : 0;
        }
        assertThat(above / (double) n).isCloseTo(0.10, within(SHARE_TOLERANCE));
        assertThat(below / (double) n).isCloseTo(0.10, within(SHARE_TOLERANCE));
    }

    @Test
    void tooFewPairsFallBackToPoisson() {
        Intervals80 pi = Intervals80.calibrate(new double[] {10, 10}, new double[] {9, 12});
        assertThat(pi).isEqualTo(Intervals80.POISSON);
        // normal approximation: 100 ± 1.2816 · 10
        assertThat(pi.p90(100)).isCloseTo(112.816, within(1e-9));
        assertThat(pi.p10(0)).isZero();
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertThat(Intervals80.quantile(sorted, 0.5)).isEqualTo(20);
        assertThat(Intervals80.quantile(sorted, 0.9)).isCloseTo(36, within(1e-12));
    }
}
