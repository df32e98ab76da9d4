package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final double NA = Double.NaN;

    @Test
    void seasonalNaiveRepeatsTheLastWeek() {
        // weekly period 3: last week is 7, 8, 9
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(Baselines.seasonalNaive(y, 3, 5)).containsExactly(7, 8, 9, 7, 8);
    }

    @Test
    void seasonalNaiveSkipsLeftOutValues() {
        double[] y = {1, 2, 3, 4, 5, 6, NA, 8, NA};
        assertThat(Baselines.seasonalNaive(y, 3, 3)).containsExactly(4, 8, 6);
    }

    @Test
    void meanOfLastKWeeks() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        // k = 2: (7+10)/2, (8+11)/2, (9+12)/2
        assertThat(Baselines.meanOfLast(y, 3, 3, 2)).containsExactly(8.5, 9.5, 10.5);
        // k = 4 over only 4 weeks: (1+4+7+10)/4 ...
        assertThat(Baselines.meanOfLast(y, 3, 1, 4)).containsExactly(5.5);
    }

    @Test
    void meanOfLastSkipsLeftOutWeeksAndFallsBackToZero() {
        double[] y = {1, NA, 3, 4, NA, 6, NA, NA, 9};
        // position 9 ≡ 0: 4, 1 -> 2.5; position 10 ≡ 1: never observed -> 0; 11 ≡ 2: 9, 6 -> 7.5
        assertThat(Baselines.meanOfLast(y, 3, 3, 2)).containsExactly(2.5, 0, 7.5);
    }
}
