package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DsesTest {

    private static final double EXACT = 1e-9;

    /*
     * y = 10, 20, 12, 22, ... with m1 = 1, m2 = 2. Initialisation over the first two weeks
     * (10, 20, 12, 22): level 16, daily index 0, weekly indices -5 and +5.
     * α = 0.5, δ = ω = 0: e = -1 -> l 15.5; e = -0.5 -> 15.25; e = 1.75 -> 16.125;
     * e = 0.875 -> 16.5625; y = 13: e = 13 - 11.5625 = 1.4375 -> l 17.28125.
     * φ = 0.5: ŷ(1) = 17.28125 + 5 + 0.5 · 1.4375 = 23; ŷ(2) = 17.28125 - 5 + 0.25 · 1.4375.
     */
    @Test
    void levelAndArAdjustmentByHand() {
        double[] f = new Dses(1, 2, 0.5, 0, 0, 0.5).forecast(new double[] {10, 20, 12, 22, 13}, 2);
        assertThat(f[0]).isCloseTo(23.0, within(EXACT));
        assertThat(f[1]).isCloseTo(12.640625, within(EXACT));
    }

    /*
     * The last value missing: it is replaced by its forecast 11.5625 + 0.5 · 0.875 = 12, so
     * e = 0.4375, l = 16.5625 + 0.21875 = 16.78125; ŷ(1) = 16.78125 + 5 + 0.5 · 0.4375 = 22.
     */
    @Test
    void aMissingValueIsReplacedByItsForecast() {
        double[] f =
                new Dses(1, 2, 0.5, 0, 0, 0.5)
                        .forecast(new double[] {10, 20, 12, 22, Double.NaN}, 1);
        assertThat(f[0]).isCloseTo(22.0, within(EXACT));
    }

    /*
     * α = 0, δ = ω = 0.5, φ = 0: level stays 16.
     * t0 y=10: d = 0 + .5(10-16+5-0) = -0.5; w0 = -5 + .5(10-16-0+5) = -5.5
     * t1 y=20: d = -0.5 + .5(20-16-5+0.5) = -0.75; w1 = 5 + .5(20-16+0.5-5) = 4.75
     * t2 y=12: d = -0.75 + .5(12-16+5.5+0.75) = 0.375; w0 = -5.5 + .5(12-16+0.75+5.5) = -4.375
     * t3 y=22: d = 0.375 + .5(22-16-4.75-0.375) = 0.8125; w1 = 4.75 + .5(22-16-0.375-4.75) = 5.1875
     * t4 y=13: d = 0.8125 + .5(13-16+4.375-0.8125) = 1.09375; w0 = -4.375 + .5(13-16-0.8125+4.375)
     *        = -4.09375
     * ŷ(1) = 16 + 1.09375 + 5.1875 = 22.28125; ŷ(2) = 16 + 1.09375 - 4.09375 = 13.
     */
    @Test
    void seasonalIndicesByHand() {
        double[] f = new Dses(1, 2, 0, 0.5, 0.5, 0).forecast(new double[] {10, 20, 12, 22, 13}, 2);
        assertThat(f).containsExactly(new double[] {22.28125, 13.0}, within(EXACT));
    }

    @Test
    void aFitOnAnExactDoubleSeasonalPatternForecastsIt() {
        int m1 = 8;
        int m2 = 40;
        double[] y = new double[8 * m2];
        for (int t = 0; t < y.length; t++) {
            y[t] = pattern(t, m1, m2);
        }
        Dses model = Dses.fit(y, m1, m2);
        double[] f = model.forecast(y, 2 * m2);
        for (int k = 0; k < f.length; k++) {
            assertThat(f[k]).isCloseTo(pattern(y.length + k, m1, m2), within(1e-6));
        }
        assertThat(model.alpha()).isBetween(0.0, Dses.MAX_ALPHA);
        assertThat(model.phi()).isBetween(0.0, 1.0);
    }

    private static double pattern(int t, int m1, int m2) {
        return 50 + 20 * Math.sin(2 * Math.PI * (t % m1) / m1) + 10 * ((t % m2) / m1);
    }
}
