package fr.joignable.forecasting.forecast;

import java.util.Arrays;

/**
 * Runs one volume model on a compressed series (daily period {@code m1}, weekly {@code m2}).
 *
 * @param m1 open slots a day
 * @param m2 open slots a week
 * @param open {@code open[w][s]}: slot {@code s} of weekday position {@code w} is open
 * @param fitLength values DSES fits on (the last ones)
 * @param dayFeatures calendar columns of each compressed day, history and horizon ({@link
 *     DayFeatures}), for the GLM; null for none
 */
record Candidates(int m1, int m2, boolean[][] open, int fitLength, double[][] dayFeatures) {

    Candidates(int m1, int m2, boolean[][] open, int fitLength) {
        this(m1, m2, open, fitLength, null);
    }

    /** True when {@code model} can be fitted on {@code length} values. */
    boolean canFit(Model model, int length) {
        return switch (model) {
            case DSES -> Dses.canFit(Math.min(length, fitLength), m2);
            case SNAIVE, MEAN4 -> true;
            default -> length >= m2;
        };
    }

    /** The {@code ahead} values after {@code y} (may be negative for DSES; callers clip). */
    double[] forecast(Model model, double[] y, int ahead) {
        return switch (model) {
            case SNAIVE -> Baselines.seasonalNaive(y, m2, ahead);
            case MEAN4 -> Baselines.meanOfLast(y, m2, ahead, 4);
            case DSES -> {
                double[] fit = Arrays.copyOfRange(y, Math.max(0, y.length - fitLength), y.length);
                yield Dses.fit(fit, m1, m2).forecast(fit, ahead);
            }
            case PROFILE -> Profiles.forecast(y, m1, m2, ahead, open, Profiles.Variant.LEVEL);
            case TREND -> Profiles.forecast(y, m1, m2, ahead, open, Profiles.Variant.DAMPED_TREND);
            case WMEAN -> Profiles.forecast(y, m1, m2, ahead, open, Profiles.Variant.WEEKLY_MEAN);
            case GLM ->
                    Profiles.forecast(y, m1, m2, ahead, open, Profiles.Variant.GLM, dayFeatures);
            case GLMLEVEL ->
                    Profiles.forecast(
                            y, m1, m2, ahead, open, Profiles.Variant.GLM_LEVEL, dayFeatures);
            case GLMPERSIST ->
                    Profiles.forecast(
                            y, m1, m2, ahead, open, Profiles.Variant.GLM_PERSIST, dayFeatures);
            case GLMADAPT ->
                    Profiles.forecast(
                            y, m1, m2, ahead, open, Profiles.Variant.GLM_ADAPT, dayFeatures);
            default -> throw new IllegalArgumentException("not a volume model: " + model);
        };
    }

    /** The mean of the members' forecasts, clipped at 0. */
    double[] forecast(Model[] members, double[] y, int ahead) {
        double[] out = new double[ahead];
        for (Model m : members) {
            double[] f = forecast(m, y, ahead);
            for (int k = 0; k < ahead; k++) {
                out[k] += Math.max(0, f[k]) / members.length;
            }
        }
        return out;
    }
}
