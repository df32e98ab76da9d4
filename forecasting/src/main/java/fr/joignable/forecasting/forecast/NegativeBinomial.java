package fr.joignable.forecasting.forecast;

/**
 * Quantiles of the negative binomial with mean μ and variance {@code μ + κ μ²} (NB2), the
 * Poisson-Gamma mixture: {@code y | λ ~ Poisson(λ)}, {@code λ ~ Gamma(shape r = 1/κ, mean μ)}, so
 * {@code P(y = k) = Γ(k + r) / (Γ(r) k!) · p^r (1 − p)^k} with {@code p = r / (r + μ)}. κ = 0 is
 * the Poisson.
 *
 * <p>The q-quantile is the smallest count k with {@code P(y ≤ k) ≥ q}, summed from {@code P(0)}
 * with the recursion {@code P(k + 1) = P(k) · (k + r)/(k + 1) · (1 − p)} (Poisson: {@code P(k) ·
 * μ/(k + 1)}). When {@code P(0)} would underflow (μ in the thousands), the Cornish-Fisher expansion
 * of the normal quantile with the NB skewness {@code γ = (1 + 2κμ)/√(μ(1 + κμ))} is used instead,
 * {@code μ + σ (z + γ (z² − 1)/6)}, rounded up: at those means its error is below one count.
 */
final class NegativeBinomial {

    /** Below this log P(0) the exact sum would start in the underflow range. */
    private static final double MIN_LOG_P0 = -600;

    private NegativeBinomial() {}

    /** The q-quantile (0 < q < 1) of NB(μ, κ); 0 for μ ≤ 0. */
    static int quantile(double mu, double kappa, double q) {
        if (!(mu > 0)) {
            return 0;
        }
        double logP0;
        double r = kappa > 0 ? 1 / kappa : Double.POSITIVE_INFINITY;
        double p = kappa > 0 ? r / (r + mu) : 1;
        logP0 = kappa > 0 ? r * Math.log(p) : -mu;
        if (logP0 < MIN_LOG_P0) {
            double sd = Math.sqrt(mu + kappa * mu * mu);
            double gamma = (1 + 2 * kappa * mu) / Math.sqrt(mu * (1 + kappa * mu));
            double z = normalQuantile(q);
            return (int) Math.max(0, Math.ceil(mu + sd * (z + gamma * (z * z - 1) / 6) - 0.5));
        }
        double pk = Math.exp(logP0);
        double cdf = pk;
        int k = 0;
        while (cdf < q && k < 100_000_000) {
            pk *= kappa > 0 ? (k + r) / (k + 1) * (1 - p) : mu / (k + 1);
            cdf += pk;
            k++;
            if (pk == 0 && cdf < q) {
                // rounding left the sum short of q: the tail is beyond double precision
                break;
            }
        }
        return k;
    }

    /** The standard normal quantile, {@code √2 · erf⁻¹(2q − 1)} (Commons Math). */
    static double normalQuantile(double q) {
        return org.apache.commons.math3.special.Erf.erfInv(2 * q - 1) * Math.sqrt(2);
    }
}
