package fr.joignable.sim;

import static fr.joignable.sim.Millis.MINUTE;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The random draws of the simulator, all from one generator (Well19937c) seeded once: the run is
 * deterministic because every part draws from it in a fixed order, so a change in the order of the
 * calls changes the output.
 *
 * <p>The distributions are the textbook ones, with these approximations: {@link #poisson} uses
 * Knuth's product of uniforms up to a mean of 60 and the normal approximation {@code N(λ, λ)}
 * rounded (at least 0) above it; {@link #lognormal} is parametrised by its median.
 */
final class Draws {

    private final RandomGenerator rng;

    Draws(long seed) {
        this.rng = new Well19937c(seed);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return rng.nextDouble();
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** Uniform integer in [0, n). */
    int below(int n) {
        return rng.nextInt(n);
    }

    /** Lognormal of median {@code median} and shape {@code sigma}: median × e^(σZ). */
    double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Exponential of mean {@code mean}, by inversion: −mean × ln(1 − U). */
    double exponential(double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }

    /** Poisson of mean {@code mean}; 0 when {@code mean <= 0} (see the class comment). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * An index drawn with the weights whose running sums are {@code cumulative} (increasing, the
     * last one {@code total}): index i with probability (cumulative[i] − cumulative[i−1]) / total.
     */
    int pick(double[] cumulative, double total) {
        double u = rng.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** A uniform offset between {@code minMinutes} and {@code maxMinutes} minutes, in ms. */
    long minutesBetween(int minMinutes, int maxMinutes) {
        return (long) ((minMinutes + rng.nextDouble() * (maxMinutes - minMinutes)) * MINUTE);
    }

    /**
     * SplitMix64's finaliser: spreads a seed over 64 bits, so that seeds 1, 2, 3 give unrelated
     * generators and tags.
     */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
