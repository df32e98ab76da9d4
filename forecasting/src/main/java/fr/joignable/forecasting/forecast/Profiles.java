package fr.joignable.forecasting.forecast;

/**
 * Multiplicative day-of-week × time-of-day models, the standard of workforce-management tools, on
 * the compressed series (daily period {@code m1}, {@code nd = m2 / m1} open days a week, {@code
 * NaN} for a left-out value). Day {@code j} covers positions {@code j·m1 … j·m1 + m1 − 1}; its
 * weekday is {@code j mod nd}.
 *
 * <p>Every variant forecasts slot {@code s} of future day {@code j} (weekday {@code w}) as
 *
 * <pre>
 *   ŷ(j, s) = T̂(j) · p(w, s)
 * </pre>
 *
 * where {@code p(w, ·)} is the intraday profile of weekday {@code w} (it sums to 1) and {@code
 * T̂(j)} the forecast daily total. The profile is a weighted share over the last {@link
 * #PROFILE_WEEKS} weeks (weight {@code ρ^age}, age in weeks, ρ = {@link #PROFILE_DECAY}) shrunk
 * towards the profile pooled over all weekdays (smoothed over neighbouring slots with weights ¼, ½,
 * ¼ and restricted to the weekday's open slots):
 *
 * <pre>
 *   p(w, s) = (C(w, s) + λ · P_w(s)) / (C(w) + λ)
 * </pre>
 *
 * with {@code C(w, s)} the weighted contacts of slot {@code s} on weekday {@code w}, {@code C(w)}
 * their sum and {@code λ} contacts estimated per series ({@link #empiricalShares}): a weekday's own
 * shape dominates when it has many contacts and differs from the others beyond their Poisson noise,
 * the pooled one otherwise.
 *
 * <p>Daily totals: {@code T(j)} is the sum of day {@code j}'s slots (a day missing more than half
 * its profile is left out; fewer missing slots are made up from the profile). Weekday factors
 * {@code F(w)}: the weighted mean of {@code T} on weekday {@code w} over the last {@link
 * #PROFILE_WEEKS} weeks, normalised to mean 1. Then
 *
 * <ul>
 *   <li>{@link Variant#LEVEL}: simple exponential smoothing of the deseasonalised totals, {@code
 *       L_j = L_{j−1} + α (T(j)/F(w_j) − L_{j−1})}, {@code T̂(j) = L · F(w_j)}, α = {@link #ALPHA}
 *       per open day;
 *   <li>{@link Variant#DAMPED_TREND}: Holt's damped trend on the same totals (Gardner and McKenzie
 *       1985): {@code L_j = α z_j + (1 − α)(L + φ b)}, {@code b_j = β (L_j − L_{j−1}) + (1 − β) φ
 *       b}, {@code T̂ (h days ahead) = (L + (φ + … + φ^h) b) · F(w)};
 *   <li>{@link Variant#WEEKLY_MEAN}: {@code T̂(j)} is the weighted mean (weight {@code ρ^age}) of
 *       the totals of the same weekday over the last {@link #MEAN_WEEKS} weeks;
 *   <li>{@link Variant#GLM}: the Poisson GLM of the daily totals on calendar columns ({@link
 *       #glmBeta});
 *   <li>{@link Variant#GLM_LEVEL}: the same times a damped level of the last weeks against it
 *       ({@link #glmLevel});
 *   <li>{@link Variant#GLM_PERSIST}: the GLM's totals times the level ℓ of {@link #glmLevel} kept
 *       over the whole horizon, {@code T̂ = T̂_GLM · ℓ} (ω = 1, φ = 1: a change of level that
 *       lasts, where {@link Variant#GLM_LEVEL} assumes one that fades).
 * </ul>
 */
final class Profiles {

    /** The daily-total forecast of a profile model. */
    enum Variant {
        LEVEL,
        DAMPED_TREND,
        WEEKLY_MEAN,
        GLM,
        GLM_LEVEL,
        GLM_PERSIST,
        GLM_ADAPT
    }

    static final int PROFILE_WEEKS = 26;
    static final double PROFILE_DECAY = 0.95;

    static final double ALPHA = 0.12;
    static final double BETA = 0.02;
    static final double PHI = 0.97;
    static final int MEAN_WEEKS = 6;
    static final double LOW_DAY = 0.4;
    static final double HIGH_DAY = 2.5;
    static final double MEAN_DECAY = 0.8;
    static final double GLM_DECAY = 0.95;
    static final double GLM_PRIOR_DAYS = 6;

    /** Smoothing of the ratio actual / GLM total per open day ({@link Variant#GLM_LEVEL}). */
    static final double GLM_LEVEL_ALPHA = 0.1;

    /** The smoothing constants {@link #levelAlpha} chooses among ({@link Variant#GLM_ADAPT}). */
    static final double[] LEVEL_ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3};

    /** Damping per open day ahead of the GLM level's deviation from 1. */
    static final double GLM_LEVEL_PHI = 0.95;

    /**
     * The share of the level's deviation carried into the forecast: ½ (the mean of the GLM and the
     * GLM fully rescaled; on the rolling-origin backtests of docs/forecasting.md ½ beat 1 at 7 and
     * 28 days summed over the series — an in-sample choice among 1 and ½, like α and φ).
     */
    static final double GLM_LEVEL_WEIGHT = 0.5;

    /**
     * Measured and not used: the daily totals' GLM refitted as a negative binomial (NB2, κ by
     * moments on the Poisson fit's residuals, {@link PoissonGlm#fit(double[][], double[], double[],
     * double[], double[], double)}): WAPE within ±0.01 point of the Poisson fit on every series
     * (docs/forecasting.md). Set to true to reproduce.
     */
    static final boolean GLM_NEGATIVE_BINOMIAL = false;

    private Profiles() {}

    /** The intraday profiles {@code p[w][s]} of the {@code nd} weekdays. */
    static double[][] shares(double[] y, int m1, int nd, boolean[][] open) {
        return shares(y, m1, nd, open, null);
    }

    /** The profiles without the days marked in {@code skip} (may be null). */
    static double[][] shares(double[] y, int m1, int nd, boolean[][] open, boolean[] skip) {
        int days = y.length / m1;
        double[][] c = new double[nd][m1];
        // Σ wt² · day total per weekday: the Poisson variance of the weighted counts
        double[] c2 = new double[nd];
        for (int j = days - 1; j >= 0 && j >= days - PROFILE_WEEKS * nd; j--) {
            if (!complete(y, j, m1) || (skip != null && skip[j])) {
                continue;
            }
            double wt = Math.pow(PROFILE_DECAY, (days - 1 - j) / nd);
            int w = j % nd;
            for (int s = 0; s < m1; s++) {
                c[w][s] += wt * y[j * m1 + s];
                c2[w] += wt * wt * y[j * m1 + s];
            }
        }
        double[] pooled = new double[m1];
        for (int w = 0; w < nd; w++) {
            for (int s = 0; s < m1; s++) {
                pooled[s] += c[w][s];
            }
        }
        pooled = smooth(pooled);
        return empiricalShares(c, c2, pooled, open);
    }

    /**
     * The weekday profiles shrunk towards the pooled one by an amount estimated from the series
     * itself (empirical Bayes, method of moments; the Dirichlet–multinomial model of the shares).
     *
     * <pre>
     *   p̂_w(s) = C(w, s) / C(w)                     the weekday's own shares
     *   n_w    = C(w)² / Σ_days wt² T(day)           effective contacts of the weighted counts
     *   D      = Σ_w Σ_s (p̂_w(s) − P_w(s))² / P_w(s)
     *   E[D]  ≈ Σ_w (k_w − 1) (τ + 1 / n_w)         τ = 1/(λ+1) between weekdays, 1/n_w Poisson
     *   τ̂     = (D − Σ_w (k_w − 1)/n_w) / Σ_w (k_w − 1)
     *   p(w,s) = (n_w p̂_w(s) + λ P_w(s)) / (n_w + λ),   λ = 1/τ̂ − 1  (P_w itself when τ̂ ≤ 0)
     * </pre>
     *
     * with {@code k_w} the weekday's open slots where {@code P_w > 0}. Why: the fixed λ = 150 · m1
     * of the earlier rounds shrank every series by the same number of contacts, whatever its
     * weekdays' real differences; on the development protocol a larger λ helped the bank's thinned
     * and over-dispersed copies (weekdays of the same shape, Poisson noise) and hurt the simulator
     * (weekdays of other shapes): the data say which.
     */
    static double[][] empiricalShares(
            double[][] c, double[] c2, double[] pooled, boolean[][] open) {
        int nd = c.length;
        int m1 = pooled.length;
        double[][] prior = new double[nd][m1];
        double[] cw = new double[nd];
        double[] n = new double[nd];
        double dev = 0;
        double noise = 0;
        double dof = 0;
        for (int w = 0; w < nd; w++) {
            double ps = 0;
            for (int s = 0; s < m1; s++) {
                if (open[w][s]) {
                    cw[w] += c[w][s];
                    ps += pooled[s];
                }
            }
            int k = 0;
            for (int s = 0; s < m1; s++) {
                prior[w][s] = open[w][s] && ps > 0 ? pooled[s] / ps : 0;
                k += prior[w][s] > 0 ? 1 : 0;
            }
            if (cw[w] <= 0 || c2[w] <= 0 || k < 2) {
                continue;
            }
            n[w] = cw[w] * cw[w] / c2[w];
            for (int s = 0; s < m1; s++) {
                if (prior[w][s] > 0) {
                    double d = c[w][s] / cw[w] - prior[w][s];
                    dev += d * d / prior[w][s];
                }
            }
            noise += (k - 1) / n[w];
            dof += k - 1;
        }
        double tau = dof > 0 ? (dev - noise) / dof : 0;
        double[][] p = new double[nd][m1];
        for (int w = 0; w < nd; w++) {
            // own weight n_w / (n_w + λ) = n_w τ / (n_w τ + 1 − τ)
            double own = tau <= 0 || n[w] <= 0 ? 0 : n[w] * tau / (n[w] * tau + 1 - tau);
            for (int s = 0; s < m1; s++) {
                if (open[w][s]) {
                    double mine = cw[w] > 0 ? c[w][s] / cw[w] : 0;
                    p[w][s] = own * mine + (1 - own) * prior[w][s];
                }
            }
        }
        return p;
    }

    /** Weights ¼, ½, ¼ over neighbouring slots (an edge slot is its own neighbour). */
    static double[] smooth(double[] v) {
        double[] sm = new double[v.length];
        for (int s = 0; s < v.length; s++) {
            double a = s > 0 ? v[s - 1] : v[s];
            double b = s < v.length - 1 ? v[s + 1] : v[s];
            sm[s] = v[s] > 0 ? 0.5 * v[s] + 0.25 * (a + b) : 0;
        }
        return sm;
    }

    private static boolean complete(double[] y, int j, int m1) {
        for (int s = 0; s < m1; s++) {
            if (Double.isNaN(y[j * m1 + s])) {
                return false;
            }
        }
        return true;
    }

    /** Daily totals of the whole days of {@code y} ({@code NaN} when left out). */
    static double[] totals(double[] y, int m1, int nd, double[][] p) {
        int days = y.length / m1;
        double[] t = new double[days];
        for (int j = 0; j < days; j++) {
            double sum = 0;
            double share = 0;
            for (int s = 0; s < m1; s++) {
                double v = y[j * m1 + s];
                if (!Double.isNaN(v)) {
                    sum += v;
                    share += p[j % nd][s];
                }
            }
            t[j] = share >= 0.5 ? sum / share : Double.NaN;
        }
        return t;
    }

    /**
     * Days whose total is below {@link #LOW_DAY} or above {@link #HIGH_DAY} times the median of the
     * same weekday over the last {@link #PROFILE_WEEKS} weeks: a partial outage, a gap in the data
     * read as zeros, a one-off surge. They are left out of the profiles and the level.
     */
    static boolean[] outliers(double[] t, int nd) {
        boolean[] out = new boolean[t.length];
        for (int w = 0; w < nd; w++) {
            java.util.List<Double> v = new java.util.ArrayList<>();
            for (int j = t.length - 1; j >= 0 && j >= t.length - PROFILE_WEEKS * nd; j--) {
                if (j % nd == w && !Double.isNaN(t[j])) {
                    v.add(t[j]);
                }
            }
            if (v.size() < 3) {
                continue;
            }
            java.util.Collections.sort(v);
            double median = v.get(v.size() / 2);
            for (int j = w; j < t.length; j += nd) {
                if (!Double.isNaN(t[j]) && (t[j] < LOW_DAY * median || t[j] > HIGH_DAY * median)) {
                    out[j] = true;
                }
            }
        }
        return out;
    }

    /** Weekday factors of mean 1 from the last weeks' totals. */
    static double[] weekdayFactors(double[] t, int nd) {
        double[] sum = new double[nd];
        double[] wsum = new double[nd];
        int days = t.length;
        for (int j = days - 1; j >= 0 && j >= days - PROFILE_WEEKS * nd; j--) {
            if (!Double.isNaN(t[j])) {
                double wt = Math.pow(PROFILE_DECAY, (days - 1 - j) / nd);
                sum[j % nd] += wt * t[j];
                wsum[j % nd] += wt;
            }
        }
        double[] f = new double[nd];
        double mean = 0;
        int known = 0;
        for (int w = 0; w < nd; w++) {
            if (wsum[w] > 0) {
                f[w] = sum[w] / wsum[w];
                mean += f[w];
                known++;
            }
        }
        mean = known > 0 ? mean / known : 0;
        for (int w = 0; w < nd; w++) {
            f[w] = mean > 0 && wsum[w] > 0 ? f[w] / mean : 1;
        }
        return f;
    }

    /** Forecasts the {@code ahead} positions after {@code y}. */
    static double[] forecast(
            double[] y, int m1, int m2, int ahead, boolean[][] open, Variant variant) {
        return forecast(y, m1, m2, ahead, open, variant, null);
    }

    /**
     * The same, with calendar columns {@code feat[j]} per compressed day (history and horizon) for
     * the {@link Variant#GLM} daily totals (null: none).
     */
    static double[] forecast(
            double[] y,
            int m1,
            int m2,
            int ahead,
            boolean[][] open,
            Variant variant,
            double[][] feat) {
        int nd = m2 / m1;
        double[][] p = shares(y, m1, nd, open);
        double[] t = totals(y, m1, nd, p);
        boolean[] outlier = outliers(t, nd);
        p = shares(y, m1, nd, open, outlier);
        t = totals(y, m1, nd, p);
        for (int j = 0; j < t.length; j++) {
            if (outlier[j]) {
                t[j] = Double.NaN;
            }
        }
        double[] f = weekdayFactors(t, nd);
        int days = t.length;
        boolean withLevel =
                variant == Variant.GLM_LEVEL
                        || variant == Variant.GLM_PERSIST
                        || variant == Variant.GLM_ADAPT;
        boolean isGlm = variant == Variant.GLM || withLevel;
        double[] glm = isGlm ? glmBeta(t, nd, feat) : null;
        double glmLevel = withLevel ? glmLevel(glm, t, nd, feat, variant == Variant.GLM_ADAPT) : 1;
        double level = Double.NaN;
        double trend = 0;
        for (int j = 0; j < days; j++) {
            if (Double.isNaN(t[j])) {
                if (!Double.isNaN(level)) {
                    level += PHI * trend;
                    trend *= PHI;
                }
                continue;
            }
            double z = t[j] / f[j % nd];
            if (!Double.isFinite(z)) {
                // a weekday whose factor is 0 (a series with no contact on that weekday): the day
                // says nothing about the level; 0/0 here once made the trend NaN for good
                if (!Double.isNaN(level)) {
                    level += PHI * trend;
                    trend *= PHI;
                }
                continue;
            }
            if (Double.isNaN(level)) {
                level = z;
            } else if (variant == Variant.DAMPED_TREND) {
                double prev = level;
                level = ALPHA * z + (1 - ALPHA) * (level + PHI * trend);
                trend = BETA * (level - prev) + (1 - BETA) * PHI * trend;
            } else {
                level += ALPHA * (z - level);
            }
        }
        if (Double.isNaN(level)) {
            level = 0;
        }
        double[] out = new double[ahead];
        int n = y.length;
        double damp = 0;
        int lastDay = -1;
        for (int k = 0; k < ahead; k++) {
            int pos = n + k;
            int j = pos / m1;
            int w = j % nd;
            int s = pos % m1;
            double total;
            switch (variant) {
                case DAMPED_TREND -> {
                    while (lastDay < j) {
                        lastDay = lastDay < 0 ? days : lastDay + 1;
                        damp += Math.pow(PHI, lastDay - days + 1);
                    }
                    total = Math.max(0, level + damp * trend) * f[w];
                }
                case WEEKLY_MEAN -> total = weeklyMean(t, nd, w);
                case GLM -> total = glmTotal(glm, nd, j, feat);
                case GLM_LEVEL ->
                        total =
                                glmTotal(glm, nd, j, feat)
                                        * (1
                                                + GLM_LEVEL_WEIGHT
                                                        * Math.pow(GLM_LEVEL_PHI, j - days + 1)
                                                        * (glmLevel - 1));
                case GLM_PERSIST, GLM_ADAPT -> total = glmTotal(glm, nd, j, feat) * glmLevel;
                default -> total = level * f[w];
            }
            out[k] = total * p[w][s];
        }
        return out;
    }

    /**
     * The expected daily totals per weekday of the Poisson GLM without calendar columns (see {@link
     * #glmBeta}).
     */
    static double[] glmTotals(double[] t, int nd) {
        double[] beta = glmBeta(t, nd, null);
        double[] out = new double[nd];
        for (int w = 0; w < nd; w++) {
            out[w] = Math.exp(beta[w]);
        }
        return out;
    }

    /**
     * The coefficients of the Poisson GLM of the daily totals
     *
     * <pre>
     *   log E[T(j)] = a_{w(j)} + Σ_c b_c · x_c(j)
     * </pre>
     *
     * fitted on the last {@link #PROFILE_WEEKS} weeks, each day weighted {@code GLM_DECAY^age} (age
     * in weeks), by {@link PoissonGlm}: {@code a_w} one per weekday, {@code x_c(j)} the calendar
     * columns of day {@code j} ({@code feat[j]}, e.g. the first working day of the month; none when
     * {@code feat} is null) with a ridge penalty of {@link #GLM_PRIOR_DAYS} average days on {@code
     * b_c} (an effect the history does not show stays near 0). A weekday without any total gets the
     * mean level of the others; all zero without any total.
     */
    static double[] glmBeta(double[] t, int nd, double[][] feat) {
        int days = t.length;
        int q = feat == null || feat.length == 0 ? 0 : feat[0].length;
        int from = Math.max(0, days - PROFILE_WEEKS * nd);
        int n = 0;
        double sum = 0;
        for (int j = from; j < days; j++) {
            if (!Double.isNaN(t[j])) {
                n++;
                sum += t[j];
            }
        }
        double[] beta = new double[nd + q];
        if (n == 0 || sum <= 0) {
            java.util.Arrays.fill(beta, 0, nd, Double.NEGATIVE_INFINITY);
            return beta;
        }
        double[][] x = new double[n][nd + q];
        double[] y = new double[n];
        double[] w = new double[n];
        boolean[] seen = new boolean[nd];
        double wsum = 0;
        int i = 0;
        for (int j = from; j < days; j++) {
            if (!Double.isNaN(t[j])) {
                x[i][j % nd] = 1;
                for (int c = 0; c < q; c++) {
                    x[i][nd + c] = j < feat.length ? feat[j][c] : 0;
                }
                y[i] = t[j];
                w[i] = Math.pow(GLM_DECAY, (days - 1 - j) / nd);
                wsum += w[i++];
                seen[j % nd] = true;
            }
        }
        double[] ridge = new double[nd + q];
        double[] start = new double[nd + q];
        java.util.Arrays.fill(ridge, 0, nd, 1e-9);
        java.util.Arrays.fill(ridge, nd, nd + q, GLM_PRIOR_DAYS * (wsum / n) * (sum / n));
        java.util.Arrays.fill(start, 0, nd, Math.log(sum / n));
        beta = PoissonGlm.fit(x, y, w, ridge, start);
        if (GLM_NEGATIVE_BINOMIAL) {
            double kappa = PoissonGlm.momentKappa(x, y, w, beta);
            // the ridge is in units of weight × count: rescale it to the NB working weights
            double[] r2 = ridge.clone();
            double mean = sum / n;
            for (int c = nd; c < nd + q; c++) {
                r2[c] = ridge[c] / (1 + kappa * mean);
            }
            beta = PoissonGlm.fit(x, y, w, r2, beta, kappa);
        }
        double mean = 0;
        int known = 0;
        for (int d = 0; d < nd; d++) {
            if (seen[d]) {
                mean += Math.exp(beta[d]);
                known++;
            }
        }
        for (int d = 0; d < nd; d++) {
            if (!seen[d]) {
                beta[d] = Math.log(mean / known);
            }
        }
        return beta;
    }

    /**
     * The level of the daily totals relative to the GLM ({@link Variant#GLM_LEVEL}): the
     * exponentially smoothed ratio {@code ℓ ← ℓ + α (T(j) / T̂_GLM(j) − ℓ)} over the days of the
     * GLM's window, from ℓ = 1, α = {@link #GLM_LEVEL_ALPHA}. The GLM's decayed 26-week weekday
     * levels follow a change of level slowly; ℓ says where the last weeks stand against them. The
     * forecast h open days ahead is {@code T̂_GLM · (1 + ω φ^h (ℓ − 1))}, φ = {@link
     * #GLM_LEVEL_PHI}, ω = {@link #GLM_LEVEL_WEIGHT}: the deviation fades back to the GLM (a level
     * change that lasts is in its next fit).
     */
    static double glmLevel(double[] beta, double[] t, int nd, double[][] feat) {
        return glmLevel(beta, t, nd, feat, false);
    }

    /** The same, with α fitted on the series ({@link #levelAlpha}) when {@code fitted}. */
    static double glmLevel(double[] beta, double[] t, int nd, double[][] feat, boolean fitted) {
        int days = t.length;
        int from = Math.max(0, days - PROFILE_WEEKS * nd);
        double[] ratio = new double[days - from];
        int n = 0;
        for (int j = from; j < days; j++) {
            if (!Double.isNaN(t[j])) {
                double fit = glmTotal(beta, nd, j, feat);
                if (fit > 0 && Double.isFinite(fit)) {
                    ratio[n++] = t[j] / fit;
                }
            }
        }
        ratio = java.util.Arrays.copyOf(ratio, n);
        return smoothedLevel(ratio, fitted ? levelAlpha(ratio) : GLM_LEVEL_ALPHA)[n];
    }

    /** ℓ_0 = 1, ℓ_i = ℓ_{i−1} + α (r_i − ℓ_{i−1}): the level before each ratio, then after all. */
    static double[] smoothedLevel(double[] r, double alpha) {
        double[] level = new double[r.length + 1];
        level[0] = 1;
        for (int i = 0; i < r.length; i++) {
            level[i + 1] = level[i] + alpha * (r[i] - level[i]);
        }
        return level;
    }

    /**
     * The α of {@link #LEVEL_ALPHAS} with the smallest sum of squared one-day-ahead errors {@code Σ
     * (r_i − ℓ_{i−1})²} of the ratios actual / GLM (ties: the first): the local-level model's
     * smoothing fitted per series (Hyndman et al. 2008, "Forecasting with exponential smoothing",
     * §2.1), fast for a level that moves, slow for days that scatter around a steady one.
     */
    static double levelAlpha(double[] r) {
        double best = GLM_LEVEL_ALPHA;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : LEVEL_ALPHAS) {
            double[] level = smoothedLevel(r, a);
            double sse = 0;
            for (int i = 0; i < r.length; i++) {
                sse += (r[i] - level[i]) * (r[i] - level[i]);
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = a;
            }
        }
        return best;
    }

    /** The GLM's expected total of day {@code j}. */
    static double glmTotal(double[] beta, int nd, int j, double[][] feat) {
        double eta = beta[j % nd];
        for (int c = nd; c < beta.length; c++) {
            eta += j < feat.length ? beta[c] * feat[j][c - nd] : 0;
        }
        return Math.exp(eta);
    }

    private static double weeklyMean(double[] t, int nd, int w) {
        int days = t.length;
        double sum = 0;
        double wsum = 0;
        int last = days - 1 - Math.floorMod(days - 1 - w, nd);
        for (int k = 0; k < MEAN_WEEKS; k++) {
            int j = last - k * nd;
            if (j < 0) {
                break;
            }
            if (!Double.isNaN(t[j])) {
                double wt = Math.pow(MEAN_DECAY, k);
                sum += wt * t[j];
                wsum += wt;
            }
        }
        return wsum > 0 ? sum / wsum : 0;
    }
}
