package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DayFeaturesTest {

    /** Monday to Friday, 1 May (a Friday in 2026) closed. */
    private static final Predicate<LocalDate> WORKING =
            d ->
                    d.getDayOfWeek() != DayOfWeek.SATURDAY
                            && d.getDayOfWeek() != DayOfWeek.SUNDAY
                            && !d.equals(LocalDate.of(2026, 5, 1));

    @Test
    void placesADayAmongTheWorkingDaysOfItsMonth() {
        // May 2026: Fri 1 closed, so Mon 4 is the first working day, Tue 5 and Wed 6 the next
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 4), WORKING)).containsExactly(1, 0, 0);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 5), WORKING)).containsExactly(0, 1, 0);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 6), WORKING)).containsExactly(0, 1, 0);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 7), WORKING)).containsExactly(0, 0, 0);
        // the last two working days: Thu 28 and Fri 29 (30, 31 are a week-end)
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 27), WORKING)).containsExactly(0, 0, 0);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 28), WORKING)).containsExactly(0, 0, 1);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 29), WORKING)).containsExactly(0, 0, 1);
        // closed days have no column
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 1), WORKING)).containsExactly(0, 0, 0);
        assertThat(DayFeatures.of(LocalDate.of(2026, 5, 30), WORKING)).containsExactly(0, 0, 0);
    }

    /**
     * Totals 100 · weekday level, × 1.5 on the first working day of each month: the GLM learns the
     * month-start effect (shrunk by its prior of {@link Profiles#GLM_PRIOR_DAYS} days) and
     * forecasts the next first working day well above an ordinary one.
     */
    @Test
    void theGlmLearnsAMonthStartEffect() {
        LocalDate start = LocalDate.of(2025, 11, 3); // a Monday
        int nd = 5;
        int days = 26 * nd;
        double[][] feat = new double[days + 40][];
        double[] t = new double[days];
        int j = 0;
        for (LocalDate d = start; j < days + 40; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            feat[j] = DayFeatures.of(d, WORKING);
            if (j < days) {
                t[j] =
                        WORKING.test(d)
                                ? 100 * (1 + 0.1 * (j % nd)) * (feat[j][0] > 0 ? 1.5 : 1)
                                : Double.NaN;
            }
            j++;
        }
        double[] beta = Profiles.glmBeta(t, nd, feat);
        double wsum = 0;
        double ysum = 0;
        double firstInfo = 0; // Σ w · (ordinary total) over the first working days
        int seen = 0;
        for (int k = 0; k < days; k++) {
            if (!Double.isNaN(t[k])) {
                double w = Math.pow(Profiles.GLM_DECAY, (days - 1 - k) / nd);
                wsum += w;
                ysum += t[k];
                seen++;
                if (feat[k][0] > 0) {
                    firstInfo += w * t[k] / 1.5;
                }
            }
        }
        double ridge = Profiles.GLM_PRIOR_DAYS * (wsum / seen) * (ysum / seen);
        double lo = 0;
        double hi = Math.log(1.5);
        for (int it = 0; it < 60; it++) {
            double b = (lo + hi) / 2;
            if (firstInfo * (1.5 - Math.exp(b)) > ridge * b) {
                lo = b;
            } else {
                hi = b;
            }
        }
        // the weekday levels absorb a little of the effect: 0.03 on the factor
        assertThat(Math.exp(beta[nd])).isCloseTo(Math.exp(lo), within(0.03));
        assertThat(Math.exp(beta[nd])).isGreaterThan(1.1);
        assertThat(Math.abs(beta[nd + 1])).isLessThan(0.02);
        assertThat(Math.abs(beta[nd + 2])).isLessThan(0.02);
    }
}
