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

    /**
     * Negative-binomial draws of means 2 to 42: κ is recovered, and the calibrated P10–P90 covers
     * 80 % ± 1.5 points of fresh draws. The interval is symmetric in standardised errors, so the
     * right skew of small counts puts a little more than 10 % above P90 and less below P10: each
     * tail within 10 % ± 3 points.
     */
    @Test
    void p10ToP90CoversEightyPercentOfFreshDraws() {
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
        assertThat(1 - (above + below) / (double) n).isCloseTo(0.80, within(SHARE_TOLERANCE));
        assertThat(above / (double) n).isCloseTo(0.10, within(0.03));
        assertThat(below / (double) n).isCloseTo(0.10, within(0.03));
    }

    /**
     * Calibration pairs whose actuals run 6 % above their forecast (a level that rose in the
     * calibration weeks) give an interval symmetric about μ, so that a period running 6 % below is
     * covered as well as one running above: the two coverages within 2 points of each other.
     */
    @Test
    void aBiasOfTheCalibrationWeeksDoesNotShiftTheInterval() {
        int n = 20_000;
        double[] mu = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        java.util.Arrays.fill(mu, 200);
        java.util.Arrays.fill(high, 212);
        java.util.Arrays.fill(low, 188);
        Intervals80 pi = Intervals80.calibrate(mu, draws(high, 0.002, 3));
        assertThat(pi.p90(200) - 200).isCloseTo(200 - pi.p10(200), within(1e-9));
        double[] up = draws(high, 0.002, 4);
        double[] down = draws(low, 0.002, 5);
        int inUp = 0;
        int inDown = 0;
        for (int i = 0; i < n; i++) {
            inUp += up[i] >= pi.p10(200) && up[i] <= pi.p90(200) ? 1 : 0;
            inDown += down[i] >= pi.p10(200) && down[i] <= pi.p90(200) ? 1 : 0;
        }
        assertThat((inUp - inDown) / (double) n).isCloseTo(0, within(0.02));
    }

    /**
     * The negative-binomial predictive: κ by moments, then the NB quantiles themselves — on κ =
     * 0.05, μ = 20 those of Commons Math's Pascal(r = 20, p = 0.5), the same distribution.
     */
    @Test
    void theNegativeBinomialPredictiveUsesTheNbQuantiles() {
        int n = 20_000;
        double[] mu = new double[n];
        java.util.Arrays.fill(mu, 20);
        Intervals80 pi = Intervals80.negativeBinomial(mu, draws(mu, 0.05, 6));
        assertThat(pi.kappa()).isCloseTo(0.05, within(0.01));
        Intervals80 exact = new Intervals80(0.05, 0, 0, true);
        var pascal = new org.apache.commons.math3.distribution.PascalDistribution(20, 0.5);
        assertThat(exact.p10(20)).isEqualTo(pascal.inverseCumulativeProbability(0.1));
        assertThat(exact.p90(20)).isEqualTo(pascal.inverseCumulativeProbability(0.9));
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
