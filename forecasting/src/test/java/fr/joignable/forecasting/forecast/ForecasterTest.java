package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.io.Progress;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.history.History;
import fr.joignable.forecasting.history.SeriesHistory;
import fr.joignable.forecasting.history.SeriesKey;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final ZoneId PARIS = Intervals.PARIS;
    private static final SeriesKey PHONE = new SeriesKey("loyer", "PHONE");
    private static final SeriesKey CHAT = new SeriesKey("loyer", "CHAT");
    private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static double at(ForecastResult r, SeriesKey key, String instant) {
        long t = Instant.parse(instant).toEpochMilli();
        int h = (int) ((t - r.startMillis()) / Intervals.INTERVAL_MILLIS);
        SeriesForecast f =
                r.series().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        return f.offered()[h];
    }

    private static Forecaster forecaster(Model model) {
        return new Forecaster(Forecaster.Options.defaults().withModel(model));
    }

    @Test
    void theChosenModelBeatsSeasonalNaiveOnSyntheticDoubleSeasonalArrivals() {
        History h =
                Synthetic.history(
                        42,
                        LocalDate.of(2026, 3, 2),
                        26 * 7,
                        PARIS,
                        Map.of(
                                PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 25, 240),
                                CHAT, new Synthetic.Centre(MON_FRI, 9, 17, 6, 400)));
        Backtest.Report r = Backtest.run(h, 28, Forecaster.Options.defaults(), Progress.NONE);
        assertThat(r.overall().wape()).isLessThan(r.overall().wapeSnaive());
        for (Backtest.Line line : r.series()) {
            assertThat(line.wape()).as(line.key().toString()).isLessThan(line.wapeSnaive());
        }
        // the DSES model on its own also beats the seasonal naive
        Backtest.Report dses =
                Backtest.run(
                        h, 28, Forecaster.Options.defaults().withModel(Model.DSES), Progress.NONE);
        assertThat(dses.overall().wape()).isLessThan(dses.overall().wapeSnaive());
    }

    @Test
    void publicHolidaysAreClosedAndLeftOutOfTheBaselines() {
        // history to Sunday 15 Nov 2026 (Wednesday 11 Nov is Armistice)
        History h =
                Synthetic.history(
                        1,
                        LocalDate.of(2026, 9, 7),
                        10 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 20, 300)));
        assertThat(h.end()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        ForecastResult r = forecaster(Model.SNAIVE).forecast(h, 7 * 96, Progress.NONE);
        // Wednesday 18 Nov at 10:00 Paris: last observed Wednesday is 4 Nov, not the holiday
        SeriesHistory s = h.series().get(PHONE);
        int wed4Nov10h =
                (int)
                        ((Instant.parse("2026-11-04T09:00:00Z").toEpochMilli() - h.startMillis())
                                / Intervals.INTERVAL_MILLIS);
        assertThat(at(r, PHONE, "2026-11-18T09:00:00Z"))
                .isEqualTo(s.offered()[wed4Nov10h])
                .isPositive();

        // horizon over Christmas (Friday 25 Dec 2026): closed
        History h2 =
                Synthetic.history(
                        2,
                        LocalDate.of(2026, 9, 7),
                        15 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 20, 300)));
        ForecastResult r2 = forecaster(Model.AUTO).forecast(h2, 7 * 96, Progress.NONE);
        assertThat(at(r2, PHONE, "2026-12-24T09:00:00Z")).isPositive();
        assertThat(at(r2, PHONE, "2026-12-25T09:00:00Z")).isZero();
        // without the holiday calendar, Christmas is forecast like any Friday
        ForecastResult open =
                new Forecaster(
                                Forecaster.Options.defaults()
                                        .withCalendar(ForecastCalendar.NONE)
                                        .withModel(Model.MEAN4))
                        .forecast(h2, 7 * 96, Progress.NONE);
        assertThat(at(open, PHONE, "2026-12-25T09:00:00Z")).isPositive();
    }

    @Test
    void openWeekdaysAndIntervalsAreLearntFromTheHistory() {
        // a Sunday-to-Thursday centre open 08:00-17:00
        Set<DayOfWeek> sunThu =
                EnumSet.of(
                        DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY);
        History h =
                Synthetic.history(
                        3,
                        LocalDate.of(2026, 1, 5),
                        12 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(sunThu, 8, 17, 20, 300)));
        for (Model m : Model.values()) {
            ForecastResult r = forecaster(m).forecast(h, 7 * 96, Progress.NONE);
            SeriesForecast f = r.series().get(0);
            for (int i = 0; i < f.offered().length; i++) {
                var t =
                        Instant.ofEpochMilli(r.startMillis() + i * Intervals.INTERVAL_MILLIS)
                                .atZone(PARIS);
                boolean open =
                        sunThu.contains(t.getDayOfWeek()) && t.getHour() >= 8 && t.getHour() < 17;
                if (open) {
                    assertThat(f.offered()[i]).as(m + " " + t).isPositive();
                } else {
                    assertThat(f.offered()[i]).as(m + " " + t).isZero();
                }
            }
        }
    }

    @Test
    void theDailyCycleFollowsLocalTimeAcrossDaylightSavingTime() {
        // Paris leaves summer time on Sunday 25 Oct 2026: 08:00 local is 06:00Z before, 07:00Z
        // after
        History h =
                Synthetic.history(
                        4,
                        LocalDate.of(2026, 7, 27),
                        13 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 20, 300)));
        assertThat(h.end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        for (Model m : Model.values()) {
            ForecastResult r = forecaster(m).forecast(h, 7 * 96, Progress.NONE);
            assertThat(at(r, PHONE, "2026-10-26T06:45:00Z")).as(m.label()).isZero();
            assertThat(at(r, PHONE, "2026-10-26T07:00:00Z")).as(m.label()).isPositive();
            assertThat(at(r, PHONE, "2026-10-26T16:45:00Z")).as(m.label()).isPositive();
            assertThat(at(r, PHONE, "2026-10-26T17:00:00Z")).as(m.label()).isZero();
            // the 10:00 local peak is forecast at 09:00Z, above the 08:00 local level
            assertThat(at(r, PHONE, "2026-10-26T09:00:00Z"))
                    .isGreaterThan(at(r, PHONE, "2026-10-26T07:00:00Z"));
        }
        // the same with a history in UTC terms would open at 06:00Z: a zone of UTC says so
        ForecastResult utc =
                new Forecaster(
                                Forecaster.Options.defaults()
                                        .withZone(ZoneId.of("UTC"))
                                        .withModel(Model.SNAIVE))
                        .forecast(h, 7 * 96, Progress.NONE);
        assertThat(at(utc, PHONE, "2026-10-27T06:00:00Z")).isPositive();
    }

    @Test
    void aRoundTheClockChannelAcrossTheSpringChangeHasNoHoles() {
        // Paris enters summer time on Sunday 29 Mar 2026: 02:00-03:00 local does not exist
        History h =
                Synthetic.history(
                        8,
                        LocalDate.of(2026, 1, 5),
                        11 * 7,
                        PARIS,
                        Map.of(
                                PHONE,
                                new Synthetic.Centre(
                                        EnumSet.allOf(DayOfWeek.class), 0, 24, 40, 300)));
        assertThat(h.end()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        for (Model m : Model.values()) {
            // nine days, through the 92-interval local day, before Easter Monday (closed)
            ForecastResult r = forecaster(m).forecast(h, 9 * 96, Progress.NONE);
            double[] f = r.series().get(0).offered();
            for (int i = 0; i < f.length; i++) {
                // the seasonal naive may repeat a zero count of last week
                if (m == Model.SNAIVE) {
                    assertThat(f[i]).as(m + " interval " + i).isNotNegative().isFinite();
                } else {
                    assertThat(f[i]).as(m + " interval " + i).isPositive().isFinite();
                }
            }
            // 01:45Z is 02:45 local before the change (night trough), 01:00Z is already 03:00 CEST
            assertThat(at(r, PHONE, "2026-03-29T01:00:00Z")).isPositive();
        }
    }

    @Test
    void aSpecialDayMultipliesTheForecast() {
        History h =
                Synthetic.history(
                        5,
                        LocalDate.of(2026, 1, 5),
                        8 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 20, 300)));
        LocalDate rentDay = LocalDate.of(2026, 3, 5); // a Thursday of the horizon
        ForecastCalendar special =
                new ForecastCalendar(true, Set.of(), Map.of(rentDay, 1.5), Map.of());
        Forecaster.Options base = Forecaster.Options.defaults().withModel(Model.MEAN4);
        ForecastResult plain = new Forecaster(base).forecast(h, 7 * 96, Progress.NONE);
        ForecastResult withDay =
                new Forecaster(base.withCalendar(special)).forecast(h, 7 * 96, Progress.NONE);
        assertThat(at(withDay, PHONE, "2026-03-05T09:00:00Z"))
                .isCloseTo(1.5 * at(plain, PHONE, "2026-03-05T09:00:00Z"), within(1e-9));
        assertThat(at(withDay, PHONE, "2026-03-04T09:00:00Z"))
                .isEqualTo(at(plain, PHONE, "2026-03-04T09:00:00Z"));
    }

    @Test
    void handleTimeIsTheHandledWeightedMeanByWeekdayAndTimeOfDay() {
        History h =
                Synthetic.history(
                        6,
                        LocalDate.of(2026, 1, 5),
                        8 * 7,
                        PARIS,
                        Map.of(PHONE, new Synthetic.Centre(MON_FRI, 8, 18, 20, 300)));
        // a series without any handled contact borrows the mean of all series
        Map<SeriesKey, SeriesHistory> two = new TreeMap<>(h.series());
        double[] mail = h.series().get(PHONE).offered().clone();
        two.put(
                new SeriesKey("loyer", "EMAIL"),
                new SeriesHistory(mail, new double[mail.length], new double[mail.length]));
        History both = new History(h.startMillis(), h.intervals(), new TreeMap<>(two));
        ForecastResult r = forecaster(Model.MEAN4).forecast(both, 7 * 96, Progress.NONE);
        SeriesForecast phone =
                r.series().stream().filter(s -> s.key().equals(PHONE)).findFirst().orElseThrow();
        SeriesForecast email =
                r.series().stream()
                        .filter(s -> s.key().channel().equals("EMAIL"))
                        .findFirst()
                        .orElseThrow();
        int morning =
                (int)
                        ((Instant.parse("2026-03-03T09:00:00Z").toEpochMilli() - r.startMillis())
                                / Intervals.INTERVAL_MILLIS);
        int afternoon = morning + 16; // 14:00 Paris
        // the fixture's handle time is 300 s before noon and 600 s after: with ~8 weeks of
        // handled contacts per slot the shrinkage towards the mean is below 1 %
        double tolerance = 6;
        assertThat(phone.ahtS()[morning]).isCloseTo(300, within(tolerance));
        assertThat(phone.ahtS()[afternoon]).isCloseTo(600, within(tolerance));
        SeriesHistory s = h.series().get(PHONE);
        double mean =
                java.util.Arrays.stream(s.handleSeconds()).sum()
                        / java.util.Arrays.stream(s.handled()).sum();
        assertThat(email.ahtS()[morning]).isCloseTo(mean, within(1e-9));
    }
}
