package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The distributions of {@link Draws} against their textbook moments over {@value #N} draws; each
 * tolerance is 4 standard errors of the estimate (stated per test).
 */
class DrawsTest {

    private static final int N = 200_000;

    private static double[] meanAndVariance(int[] xs) {
        double sum = 0;
        for (int x : xs) {
            sum += x;
        }
        double mean = sum / xs.length;
        double ss = 0;
        for (int x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, ss / (xs.length - 1)};
    }

    @Test
    void poissonHasMeanAndVarianceLambdaBelowAndAboveTheNormalApproximation() {
        for (double lambda : new double[] {0.3, 5, 59, 100, 800}) {
            Draws d = new Draws(11);
            int[] xs = new int[N];
            for (int i = 0; i < N; i++) {
                xs[i] = d.poisson(lambda);
            }
            double[] mv = meanAndVariance(xs);
            // se(mean) = √(λ / N); se(variance) ≈ λ √(2 / N) (+ the fourth cumulant, λ / N)
            assertThat(mv[0])
                    .as("mean, λ = %s", lambda)
                    .isCloseTo(lambda, within(4 * Math.sqrt(lambda / N)));
            assertThat(mv[1])
                    .as("variance, λ = %s", lambda)
                    .isCloseTo(lambda, within(4 * Math.sqrt(2 * lambda * lambda / N + lambda / N)));
        }
    }

    @Test
    void poissonOfNoMeanIsZero() {
        Draws d = new Draws(1);
        assertThat(d.poisson(0)).isZero();
        assertThat(d.poisson(-2)).isZero();
    }

    @Test
    void aLognormalIsBelowItsMedianHalfTheTime() {
        Draws d = new Draws(12);
        int below = 0;
        for (int i = 0; i < N; i++) {
            if (d.lognormal(150, 0.55) < 150) {
                below++;
            }
        }
        // se = √(0.25 / N)
        assertThat((double) below / N).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / N)));
    }

    @Test
    void anExponentialHasItsMean() {
        Draws d = new Draws(13);
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += d.exponential(180);
        }
        // sd = mean, se = 180 / √N
        assertThat(sum / N).isCloseTo(180, within(4 * 180 / Math.sqrt(N)));
    }

    @Test
    void pickDrawsEachIndexWithItsWeight() {
        Draws d = new Draws(14);
        int[] counts = new int[3];
        for (int i = 0; i < N; i++) {
            counts[d.pick(new double[] {1, 3, 10}, 10)]++; // weights 1, 2, 7
        }
        double[] p = {0.1, 0.2, 0.7};
        for (int i = 0; i < 3; i++) {
            assertThat((double) counts[i] / N)
                    .as("index %d", i)
                    .isCloseTo(p[i], within(4 * Math.sqrt(p[i] * (1 - p[i]) / N)));
        }
    }

    @Test
    void minutesBetweenStaysInItsBounds() {
        Draws d = new Draws(15);
        for (int i = 0; i < 10_000; i++) {
            assertThat(d.minutesBetween(-3, 4)).isBetween(-180_000L, 240_000L);
        }
    }

    @Test
    void mixIsSplitMix64() {
        // the first outputs of the reference splitmix64.c for seeds 0 and 1234567
        assertThat(Draws.mix(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Draws.mix(1234567)).isEqualTo(6457827717110365317L);
    }

    @Test
    void oneSeedGivesOneSequence() {
        Draws a = new Draws(99);
        Draws b = new Draws(99);
        for (int i = 0; i < 1_000; i++) {
            assertThat(a.uniform()).isEqualTo(b.uniform());
        }
    }
}
