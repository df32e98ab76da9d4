package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class NegativeBinomialTest {

    /**
     * NB(μ, κ = 1/r) with an integer r is Commons Math's Pascal(r, p = r/(r + μ)) (failures before
     * the r-th success, mean r(1 − p)/p = μ): an independent implementation of the same quantile
     * (its inverse CDF searches the CDF by bisection on the incomplete beta function).
     */
    @Test
    void quantilesMatchThePascalDistributionForIntegerShapes() {
        for (int r : new int[] {1, 3, 20, 200}) {
            for (double mu : new double[] {0.3, 2.5, 17, 140}) {
                PascalDistribution ref = new PascalDistribution(r, r / (r + mu));
                for (double q : new double[] {0.1, 0.5, 0.9}) {
                    assertThat(NegativeBinomial.quantile(mu, 1.0 / r, q))
                            .as("r=%d mu=%s q=%s", r, mu, q)
                            .isEqualTo(ref.inverseCumulativeProbability(q));
                }
            }
        }
    }

    /** κ = 0 is the Poisson: the same quantiles as Commons Math's Poisson distribution. */
    @Test
    void zeroDispersionIsThePoisson() {
        for (double mu : new double[] {0.05, 1, 9.5, 60, 400}) {
            PoissonDistribution ref = new PoissonDistribution(mu);
            for (double q : new double[] {0.1, 0.5, 0.9}) {
                assertThat(NegativeBinomial.quantile(mu, 0, q))
                        .as("mu=%s q=%s", mu, q)
                        .isEqualTo(ref.inverseCumulativeProbability(q));
            }
        }
    }

    /**
     * At μ = 20 000 (P(0) underflows) the Cornish-Fisher approximation is within one count of the
     * exact Pascal quantile (r = 50, standard deviation ≈ 2 800 counts).
     */
    @Test
    void largeMeansUseTheCornishFisherApproximationWithinOneCount() {
        int r = 50;
        double mu = 20_000;
        PascalDistribution ref = new PascalDistribution(r, r / (r + mu));
        for (double q : new double[] {0.1, 0.5, 0.9}) {
            assertThat(NegativeBinomial.quantile(mu, 1.0 / r, q))
                    .as("q=%s", q)
                    .isBetween(
                            ref.inverseCumulativeProbability(q) - 1,
                            ref.inverseCumulativeProbability(q) + 1);
        }
        assertThat(NegativeBinomial.quantile(0, 0.1, 0.9)).isZero();
    }
}
