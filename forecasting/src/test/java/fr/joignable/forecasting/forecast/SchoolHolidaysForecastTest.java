package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SchoolHolidaysForecastTest {

    private static final SeriesKey PHONE = new SeriesKey("q", "PHONE");

    /**
     * The centre gets 60 % of its calls during zone A's school holidays. In the last 26 weeks of
     * history (to 6 April 2025) there are about 25 such open days (Toussaint, Christmas, winter),
     * each with ≈ 550 calls: the learnt factor is (0.6 N + 1) / (N + 1) ≈ 0.62 with one pseudo-day
     * at 1, ± a few % of Poisson and binomial noise on the ratio of two forecast days.
     */
    @Test
    void zoneHolidaysAreLearntAndForecast() {
        History base =
                Synthetic.history(
                        11,
                        LocalDate.of(2024, 9, 2),
                        217,
                        Intervals.PARIS,
                        Map.of(
                                PHONE,
                                new Synthetic.Centre(
                                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                        8,
                                        18,
                                        12,
                                        240)));
        Forecaster.Grid grid =
                new Forecaster.Grid(base.startMillis(), base.intervals(), Intervals.PARIS);
        Well19937c rng = new Well19937c(5);
        Map<SeriesKey, SeriesHistory> thinned = new TreeMap<>();
        base.series()
                .forEach(
                        (k, s) -> {
                            double[] o = s.offered().clone();
                            for (int i = 0; i < o.length; i++) {
                                if (o[i] > 0
                                        && FrenchSchoolHolidays.holiday("A", grid.date(i))
                                                != null) {
                                    o[i] = new BinomialDistribution(rng, (int) o[i], 0.6).sample();
                                }
                            }
                            thinned.put(k, new SeriesHistory(o, s.handled(), s.handleSeconds()));
                        });
        History h = new History(base.startMillis(), base.intervals(), new TreeMap<>(thinned));
        ForecastCalendar zoneA = ForecastCalendar.FRENCH.withSchoolZone("A");
        int horizon = 42 * 96;
        ForecastResult r =
                new Forecaster(Forecaster.Options.defaults().withCalendar(zoneA))
                        .forecast(h, horizon, Progress.NONE);
        ForecastResult without =
                new Forecaster(Forecaster.Options.defaults()).forecast(h, horizon, Progress.NONE);
        // Wednesday 23 April 2025 (zone A spring holidays) against Wednesday 14 May (school)
        assertThat(ratio(r, horizon)).isBetween(0.55, 0.70);
        // without the zone, the holiday is forecast like any Wednesday
        assertThat(ratio(without, horizon)).isBetween(0.9, 1.1);
    }

    private static double ratio(ForecastResult r, int horizon) {
        Forecaster.Grid g = new Forecaster.Grid(r.startMillis(), horizon, Intervals.PARIS);
        double holiday = 0;
        double school = 0;
        for (SeriesForecast f : r.series()) {
            for (int i = 0; i < horizon; i++) {
                LocalDate d = g.date(i);
                if (d.equals(LocalDate.of(2025, 4, 23))) {
                    holiday += f.offered()[i];
                } else if (d.equals(LocalDate.of(2025, 5, 14))) {
                    school += f.offered()[i];
                }
            }
        }
        return holiday / school;
    }
}
