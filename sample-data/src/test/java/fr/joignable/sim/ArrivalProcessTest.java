package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The day's first contacts against the rate integral of the model, worked out by hand from the
 * documented shapes (not from {@link ContactModel}).
 *
 * <p>On Monday 12 October 2026 the intent mix sums to 1.03: every intent at its base share except
 * RENT_RECEIPT and RENT_PAYMENT (day 12: × 0.8), CHARGES (October: × 0.8) and HEATING (October: ×
 * 2.2), i.e. 0.66 + 0.09·0.8 + 0.11·0.8 + 0.07·0.8 + 0.07·2.2. A live channel's day is its monthly
 * volume × 12 / 251 working days × the weekday factor (Monday 1.30) × 1.03; email and portal
 * requests are spread over 365 days. Saturday 17 October, Wednesday 11 November (a public holiday)
 * and Sunday 25 October (25 hours: the clocks go back) have the same mix, 1.03.
 *
 * <p>Counts are Poisson, so the mean over {@value #DAYS} independent days has a standard error of
 * √(λ / {@value #DAYS}); the tolerance is 4 standard errors.
 */
class ArrivalProcessTest {

    private static final int DAYS = 300;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults();
    private static final double MIX = 0.66 + 0.09 * 0.8 + 0.11 * 0.8 + 0.07 * 0.8 + 0.07 * 2.2;
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 12);

    /** Mean count over {@value #DAYS} seeds of the arrivals on {@code date} matching {@code p}. */
    private static double mean(LocalDate date, Predicate<Arrival> p) {
        long n = 0;
        for (int seed = 1; seed <= DAYS; seed++) {
            ArrivalProcess process =
                    new ArrivalProcess(OPTIONS, Diversions.DEFAULTS, new Draws(seed));
            for (Arrival a : process.day(CentreDay.of(date, OPTIONS))) {
                if (p.test(a)) {
                    n++;
                }
            }
        }
        return (double) n / DAYS;
    }

    private static double tolerance(double expected) {
        return 4 * Math.sqrt(expected / DAYS);
    }

    private static Map<Channel, Double> meanPerChannel(LocalDate date) {
        Map<Channel, Double> out = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            out.put(c, mean(date, a -> a.channel() == c));
        }
        return out;
    }

    private static LocalTime local(Arrival a) {
        return a.at().atZone(PARIS).toLocalTime();
    }

    @Test
    void aMondaysVolumePerChannelIsItsRateIntegral() {
        double phoneInHours = 12_500 * 12 / 251.0 * 1.30 * MIX; // 800.2
        double closedHours = 0.04 * phoneInHours; // Diversions.DEFAULTS: 4 %
        Map<Channel, Double> expected =
                Map.of(
                        Channel.PHONE, phoneInHours + closedHours, // 832.2
                        Channel.CHAT, 1_200 * 12 / 251.0 * 1.30 * MIX, // 76.8
                        Channel.LETTER, 500 * 12 / 251.0 * 1.30 * MIX, // 32.0
                        Channel.EMAIL, 2_600 * 12 / 365.0 * 1.30 * MIX, // 114.5
                        Channel.PORTAL, 2_200 * 12 / 365.0 * 1.30 * MIX); // 96.8
        Map<Channel, Double> actual = meanPerChannel(MONDAY);
        for (Channel c : Channel.values()) {
            assertThat(actual.get(c))
                    .as(c.name())
                    .isCloseTo(expected.get(c), within(tolerance(expected.get(c))));
        }
    }

    @Test
    void phoneCallsFollowTheIntradayShapeAndClosedHourCallsFillTheSwitchboardHours() {
        // phone weights per quarter-hour from 8:30 to 17:30: 2 × 1.2, 8 × 1.6 (9–11), 4 × 1.25,
        // 6 × 0.75, 6 × 1.0, 4 × 0.85, 6 × 0.6 = 37.7, of which 9:00–11:00 is 12.8
        double inHours = 12_500 * 12 / 251.0 * 1.30 * MIX;
        double morningPeak = inHours * 12.8 / 37.7; // 271.7
        assertThat(mean(MONDAY, a -> isPhoneBetween(a, LocalTime.of(9, 0), LocalTime.of(11, 0))))
                .isCloseTo(morningPeak, within(tolerance(morningPeak)));
        // closed-hour calls: 4 % of the day, uniform over 07:00–08:30 and 17:30–20:00 (90 of 240
        // minutes before opening)
        double early = 0.04 * inHours * 90 / 240; // 12.0
        assertThat(mean(MONDAY, a -> isPhoneBetween(a, LocalTime.of(7, 0), LocalTime.of(8, 30))))
                .isCloseTo(early, within(tolerance(early)));
        assertThat(
                        mean(
                                MONDAY,
                                a ->
                                        a.channel() == Channel.PHONE
                                                && (local(a).isBefore(LocalTime.of(7, 0))
                                                        || !local(a).isBefore(
                                                                        LocalTime.of(20, 0)))))
                .isZero();
    }

    private static boolean isPhoneBetween(Arrival a, LocalTime from, LocalTime to) {
        return a.channel() == Channel.PHONE && !local(a).isBefore(from) && local(a).isBefore(to);
    }

    @Test
    void lettersAreScannedFromNineToEleven() {
        assertThat(
                        mean(
                                MONDAY,
                                a ->
                                        a.channel() == Channel.LETTER
                                                && (local(a).isBefore(LocalTime.of(9, 0))
                                                        || !local(a).isBefore(
                                                                        LocalTime.of(11, 0)))))
                .isZero();
    }

    @Test
    void weekendsAndPublicHolidaysGetDeferredContactsOnlyAtTheSundayRate() {
        double email = 2_600 * 12 / 365.0 * 0.55 * MIX; // 48.4
        double portal = 2_200 * 12 / 365.0 * 0.55 * MIX; // 41.0
        for (LocalDate date :
                List.of(
                        LocalDate.of(2026, 10, 17), // Saturday
                        LocalDate.of(2026, 11, 11), // Wednesday, Armistice
                        LocalDate.of(2026, 10, 25))) { // Sunday of 25 hours
            Map<Channel, Double> actual = meanPerChannel(date);
            assertThat(actual.get(Channel.PHONE)).as(date.toString()).isZero();
            assertThat(actual.get(Channel.CHAT)).as(date.toString()).isZero();
            assertThat(actual.get(Channel.LETTER)).as(date.toString()).isZero();
            assertThat(actual.get(Channel.EMAIL))
                    .as(date.toString())
                    .isCloseTo(email, within(tolerance(email)));
            assertThat(actual.get(Channel.PORTAL))
                    .as(date.toString())
                    .isCloseTo(portal, within(tolerance(portal)));
        }
    }

    @Test
    void arrivalsStayInTheirDayAndAreFirstContacts() {
        ArrivalProcess process = new ArrivalProcess(OPTIONS, Diversions.DEFAULTS, new Draws(3));
        LocalDate longDay = LocalDate.of(2026, 10, 25);
        for (Arrival a : process.day(CentreDay.of(longDay, OPTIONS))) {
            ZonedDateTime z = a.at().atZone(PARIS);
            assertThat(z.toLocalDate()).isEqualTo(longDay);
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.person()).isBetween(0, OPTIONS.homes() - 1);
        }
    }
}
