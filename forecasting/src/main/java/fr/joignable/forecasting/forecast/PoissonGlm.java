package fr.joignable.forecasting.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Poisson generalised linear model with log link, fitted by iteratively reweighted least squares
 * (McCullagh and Nelder 1989, "Generalized Linear Models", §2.5), with prior weights per
 * observation (e.g. an exponential decay with age) and an optional ridge penalty per coefficient.
 *
 * <p>Model: {@code log μ_i = x_i · β}, {@code y_i ~ Poisson(μ_i)} (quasi-Poisson: overdispersion
 * changes the standard errors, not the point estimates). Each iteration solves
 *
 * <pre>
 *   (Xᵀ W X + diag(r)) β = Xᵀ W z,   W = diag(w_i μ_i),   z_i = η_i + (y_i − μ_i)/μ_i
 * </pre>
 *
 * by Cholesky (Commons Math), until the largest change of a coefficient is below {@link #TOL} or
 * {@link #MAX_ITER} iterations. Start: {@code β = 0} except an intercept-like start {@code log ȳ}
 * on every coefficient of a one-hot block (the caller's {@code start}).
 */
final class PoissonGlm {

    static final int MAX_ITER = 25;
    static final double TOL = 1e-8;

    /** μ is kept above this so that a slot of zeros cannot send η to −∞. */
    static final double MIN_MU = 1e-6;

    private PoissonGlm() {}

    /**
     * The coefficients.
     *
     * @param x design rows (n × p)
     * @param y counts (n), ≥ 0
     * @param w prior weights (n), ≥ 0
     * @param ridge penalty per coefficient (p), ≥ 0 (a small one keeps empty columns solvable)
     * @param start the starting coefficients (p)
     */
    static double[] fit(double[][] x, double[] y, double[] w, double[] ridge, double[] start) {
        return fit(x, y, w, ridge, start, 0);
    }

    /**
     * The coefficients of the negative-binomial (NB2) GLM with a known dispersion κ: the same IRLS
     * with the working weights of the variance {@code μ + κ μ²}, {@code W = diag(w_i μ_i / (1 + κ
     * μ_i))} (κ = 0: Poisson). Large counts weigh less than under the Poisson.
     */
    static double[] fit(
            double[][] x, double[] y, double[] w, double[] ridge, double[] start, double kappa) {
        int n = y.length;
        int p = start.length;
        double[] beta = start.clone();
        for (int it = 0; it < MAX_ITER; it++) {
            double[][] a = new double[p][p];
            double[] b = new double[p];
            for (int i = 0; i < n; i++) {
                if (w[i] <= 0) {
                    continue;
                }
                double eta = 0;
                for (int c = 0; c < p; c++) {
                    eta += x[i][c] * beta[c];
                }
                double mu = Math.max(MIN_MU, Math.exp(eta));
                double z = eta + (y[i] - mu) / mu;
                double wi = w[i] * mu / (1 + kappa * mu);
                for (int c = 0; c < p; c++) {
                    if (x[i][c] == 0) {
                        continue;
                    }
                    b[c] += wi * x[i][c] * z;
                    for (int d = 0; d < p; d++) {
                        a[c][d] += wi * x[i][c] * x[i][d];
                    }
                }
            }
            for (int c = 0; c < p; c++) {
                a[c][c] += ridge[c];
            }
            RealMatrix m = new Array2DRowRealMatrix(a, false);
            double[] next =
                    new CholeskyDecomposition(m, 1e-12, 1e-14)
                            .getSolver()
                            .solve(new ArrayRealVector(b, false))
                            .toArray();
            double change = 0;
            for (int c = 0; c < p; c++) {
                change = Math.max(change, Math.abs(next[c] - beta[c]));
            }
            beta = next;
            if (change < TOL) {
                break;
            }
        }
        return beta;
    }

    /**
     * The NB2 dispersion of a fit by the method of moments on its weighted Pearson residuals:
     * {@code κ = max(0, Σ w_i ((y_i − μ_i)² − μ_i) / Σ w_i μ_i²)}.
     */
    static double momentKappa(double[][] x, double[] y, double[] w, double[] beta) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < y.length; i++) {
            if (w[i] <= 0) {
                continue;
            }
            double eta = 0;
            for (int c = 0; c < beta.length; c++) {
                eta += x[i][c] * beta[c];
            }
            double mu = Math.exp(eta);
            num += w[i] * ((y[i] - mu) * (y[i] - mu) - mu);
            den += w[i] * mu * mu;
        }
        return den > 0 ? Math.max(0, num / den) : 0;
    }
}
