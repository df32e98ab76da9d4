package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SelectionTest {

    /**
     * A weekly pattern plus a level that rises by 1 a week, one week held out per origin: the
     * 4-week mean is 2.5 below the actual (the mean of lags 1 to 4 weeks), the seasonal naive 1
     * below, so the seasonal naive is picked. The calibration pairs come from {@code calibOrigins}
     * = 5 origins although the pick uses 2 (the older ones refit the choice): one forecast and one
     * actual per held-out value, each forecast 1 below its actual; the pick's WAPE is over its own
     * 2 origins only.
     */
    @Test
    void thePairsComeFromTheCalibrationOriginsAndTheChoiceIsTheBestCandidate() {
        int m1 = 2;
        int nd = 5;
        int m2 = m1 * nd;
        int weeks = 20;
        double[] y = new double[weeks * m2];
        for (int p = 0; p < y.length; p++) {
            y[p] = 100 + 10 * (p % m2) + p / m2;
        }
        boolean[][] open = new boolean[nd][m1];
        for (boolean[] row : open) {
            java.util.Arrays.fill(row, true);
        }
        Candidates cands = new Candidates(m1, m2, open, 12 * m2);
        int len = m2;
        Selection sel =
                Selection.pick(y, cands, new Model[] {Model.MEAN4, Model.SNAIVE}, len, 2, false, 5);
        assertThat(sel.members()).containsExactly(Model.SNAIVE);
        assertThat(sel.forecasts()).hasSize(5 * len);
        assertThat(sel.actuals()).hasSize(5 * len);
        // each origin's pairs in horizon order: leads 0 … len − 1, five times
        assertThat(sel.leads()).hasSize(5 * len);
        for (int i = 0; i < sel.leads().length; i++) {
            assertThat(sel.leads()[i]).isEqualTo(i % len);
        }
        // one week ahead, the seasonal naive is the actual minus the week's rise of 1
        for (int i = 0; i < sel.forecasts().length; i++) {
            assertThat(sel.actuals()[i] - sel.forecasts()[i]).isCloseTo(1, within(1e-9));
        }
        // the selection's WAPE is over its own two origins only: Σ|error| = 2 · len · 1
        double total = 0;
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < len; k++) {
                total += y[y.length - len - r * m2 + k];
            }
        }
        assertThat(sel.wape()).isCloseTo(2.0 * len / total, within(1e-12));
    }
}
