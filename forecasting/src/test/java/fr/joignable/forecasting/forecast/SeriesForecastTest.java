package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.forecasting.history.SeriesKey;
import org.junit.jupiter.api.Test;

class SeriesForecastTest {

    private static SeriesForecast of(boolean[] open, double[] offered) {
        double[] none = new double[offered.length];
        return new SeriesForecast(
                new SeriesKey("ACCUEIL", "LETTER"),
                "trend",
                open,
                offered,
                none,
                none,
                none,
                none,
                none,
                none,
                none);
    }

    @Test
    void aNonFiniteOrNegativeForecastOfAnOpenIntervalIsABugNamedAtOnce() {
        boolean[] open = {true, true};
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.5}) {
            assertThatThrownBy(() -> of(open, new double[] {1.0, bad}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("forecast of ACCUEIL/LETTER")
                    .hasMessageContaining("model trend")
                    .hasMessageContaining("interval 1");
        }
    }

    @Test
    void closedIntervalsAreNotJudged() {
        SeriesForecast f = of(new boolean[] {true, false}, new double[] {0, Double.NaN});
        assertThat(f.offered()[0]).isZero();
    }
}
