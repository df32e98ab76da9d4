package fr.joignable.forecasting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCalendarTest {

    @TempDir Path dir;

    @Test
    void frenchHolidaysAreClosedByDefault() {
        assertThat(ForecastCalendar.FRENCH.isClosed(LocalDate.of(2026, 7, 14))).isTrue();
        // Whit Monday 2026: Easter 5 April + 50 days
        assertThat(ForecastCalendar.FRENCH.isClosed(LocalDate.of(2026, 5, 25))).isTrue();
        assertThat(ForecastCalendar.FRENCH.isClosed(LocalDate.of(2026, 7, 15))).isFalse();
        assertThat(ForecastCalendar.NONE.isClosed(LocalDate.of(2026, 7, 14))).isFalse();
    }

    @Test
    void readsAYamlCalendar() throws Exception {
        Path file = dir.resolve("cal.yaml");
        Files.writeString(
                file,
                """
                public_holidays: true
                closed:
                  - 2026-12-24
                special_days:
                  - date: 2026-11-05
                    factor: 1.4
                monthly_special_days:
                  - day_of_month: 1
                    factor: 1.2
                """);
        ForecastCalendar c = ForecastCalendar.load(file);
        assertThat(c.isClosed(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(c.isClosed(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(c.factor(LocalDate.of(2026, 11, 5))).isEqualTo(1.4);
        assertThat(c.factor(LocalDate.of(2026, 12, 1))).isEqualTo(1.2);
        assertThat(c.isSpecial(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(c.factor(LocalDate.of(2026, 12, 2))).isEqualTo(1.0);
    }

    @Test
    void readsLearntRecurringDaysAndPeriods() throws Exception {
        Path file = dir.resolve("cal.yaml");
        Files.writeString(
                file,
                """
                monthly_special_days:
                  - day_of_month: 5
                    factor: learn
                periods:
                  - from: 2026-10-17
                    to: 2026-11-01
                    factor: learn
                  - from: 2026-12-19
                    to: 2027-01-03
                    factor: 0.8
                """);
        ForecastCalendar c = ForecastCalendar.load(file);
        assertThat(c.learntClass(LocalDate.of(2026, 10, 5))).isEqualTo("day-of-month 5");
        assertThat(c.isSpecial(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(c.factor(LocalDate.of(2026, 10, 5))).isEqualTo(1.0);
        assertThat(c.learntClass(LocalDate.of(2026, 11, 1))).isEqualTo("period 0");
        assertThat(c.learntClass(LocalDate.of(2026, 11, 2))).isNull();
        assertThat(c.isSpecial(LocalDate.of(2026, 12, 21))).isTrue();
        assertThat(c.factor(LocalDate.of(2026, 12, 21))).isEqualTo(0.8);
        Files.writeString(file, "periods:\n  - from: 2026-11-02\n    to: 2026-11-01\n");
        assertThatThrownBy(() -> ForecastCalendar.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("before");
    }

    @Test
    void aBadCalendarIsAnInputError() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "closed:\n  - 2026-13-45\n");
        assertThatThrownBy(() -> ForecastCalendar.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("2026-13-45");
        Files.writeString(file, "closd: []\n");
        assertThatThrownBy(() -> ForecastCalendar.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("closd");
    }

    /** Zone dates checked against the Ministry's published 2023-24 and 2024-25 calendars. */
    @Test
    void schoolHolidaysOfAZoneAreLearntClasses() {
        ForecastCalendar a = ForecastCalendar.FRENCH.withSchoolZone("A");
        ForecastCalendar c = ForecastCalendar.FRENCH.withSchoolZone("zone-c");
        // winter 2024: zone A 17 Feb - 3 Mar, zone C 10 - 25 Feb
        assertThat(a.learntClass(LocalDate.of(2024, 2, 16))).isNull();
        assertThat(a.learntClass(LocalDate.of(2024, 2, 19))).isEqualTo("school holidays");
        assertThat(a.learntClass(LocalDate.of(2024, 3, 3))).isEqualTo("school holidays");
        assertThat(a.learntClass(LocalDate.of(2024, 3, 4))).isNull();
        assertThat(c.learntClass(LocalDate.of(2024, 2, 12))).isEqualTo("school holidays");
        assertThat(c.learntClass(LocalDate.of(2024, 2, 26))).isNull();
        // Toussaint 2024 is common to all zones; summer is a class of its own
        assertThat(c.learntClass(LocalDate.of(2024, 10, 21))).isEqualTo("school holidays");
        assertThat(a.learntClass(LocalDate.of(2025, 7, 15))).isEqualTo("summer school holidays");
        assertThat(ForecastCalendar.FRENCH.learntClass(LocalDate.of(2025, 7, 15))).isNull();
        assertThat(a.withSchoolZone("none").schoolZone()).isNull();
        assertThatThrownBy(() -> a.withSchoolZone("D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("D");
    }

    /**
     * 2026-27 and the verified part of 2027-28 against the published calendars (see {@link
     * FrenchSchoolHolidays}): the day before the first day, the first and last days, the day school
     * resumes.
     */
    @Test
    void theSchoolYears2026To2028FollowThePublishedCalendar() {
        ForecastCalendar a = ForecastCalendar.FRENCH.withSchoolZone("A");
        ForecastCalendar b = ForecastCalendar.FRENCH.withSchoolZone("B");
        ForecastCalendar c = ForecastCalendar.FRENCH.withSchoolZone("C");
        String sh = "school holidays";
        // Toussaint 2026: all zones, Saturday 17 October to the morning of Monday 2 November
        for (ForecastCalendar z : new ForecastCalendar[] {a, b, c}) {
            assertThat(z.learntClass(LocalDate.of(2026, 10, 16))).isNull();
            assertThat(z.learntClass(LocalDate.of(2026, 10, 17))).isEqualTo(sh);
            assertThat(z.learntClass(LocalDate.of(2026, 11, 1))).isEqualTo(sh);
            assertThat(z.learntClass(LocalDate.of(2026, 11, 2))).isNull();
            // Christmas 2026: 19 December to 4 January 2027
            assertThat(z.learntClass(LocalDate.of(2026, 12, 19))).isEqualTo(sh);
            assertThat(z.learntClass(LocalDate.of(2027, 1, 3))).isEqualTo(sh);
            assertThat(z.learntClass(LocalDate.of(2027, 1, 4))).isNull();
            // Toussaint 2027: 23 October to 8 November
            assertThat(z.learntClass(LocalDate.of(2027, 11, 5))).isEqualTo(sh);
            assertThat(z.learntClass(LocalDate.of(2027, 11, 8))).isNull();
            // summer 2027 from 3 July, school resumes on 2 September
            assertThat(z.learntClass(LocalDate.of(2027, 7, 2))).isNull();
            assertThat(z.learntClass(LocalDate.of(2027, 9, 1))).isEqualTo("summer " + sh);
            assertThat(z.learntClass(LocalDate.of(2027, 9, 2))).isNull();
        }
        // winter 2027: C 6-22 February, A 13 February - 1 March, B 20 February - 8 March
        assertThat(c.learntClass(LocalDate.of(2027, 2, 8))).isEqualTo(sh);
        assertThat(a.learntClass(LocalDate.of(2027, 2, 8))).isNull();
        assertThat(c.learntClass(LocalDate.of(2027, 2, 22))).isNull();
        assertThat(a.learntClass(LocalDate.of(2027, 2, 22))).isEqualTo(sh);
        assertThat(a.learntClass(LocalDate.of(2027, 3, 1))).isNull();
        assertThat(b.learntClass(LocalDate.of(2027, 3, 5))).isEqualTo(sh);
        assertThat(b.learntClass(LocalDate.of(2027, 3, 8))).isNull();
        // spring 2027: C 3-19 April, A 10-26 April, B 17 April - 3 May
        assertThat(c.learntClass(LocalDate.of(2027, 4, 5))).isEqualTo(sh);
        assertThat(a.learntClass(LocalDate.of(2027, 4, 19))).isEqualTo(sh);
        assertThat(c.learntClass(LocalDate.of(2027, 4, 19))).isNull();
        assertThat(b.learntClass(LocalDate.of(2027, 5, 2))).isEqualTo(sh);
        assertThat(b.learntClass(LocalDate.of(2027, 5, 3))).isNull();
        // the Ascension bridge, Friday 7 May 2027
        assertThat(a.learntClass(LocalDate.of(2027, 5, 7))).isEqualTo(sh);
        // 2028: B's and C's winter, C's spring; zone A's winter is not in the table
        assertThat(b.learntClass(LocalDate.of(2028, 2, 7))).isEqualTo(sh);
        assertThat(c.learntClass(LocalDate.of(2028, 2, 28))).isNull();
        assertThat(c.learntClass(LocalDate.of(2028, 5, 1))).isEqualTo(sh);
        assertThat(a.learntClass(LocalDate.of(2028, 2, 21))).isNull();
    }

    @Test
    void theSchoolTableIsOrderedAndEveryZoneHasEachYear() {
        for (FrenchSchoolHolidays.Holiday h : FrenchSchoolHolidays.table()) {
            assertThat(h.to()).as("%s", h).isAfterOrEqualTo(h.from());
            // a holiday lasts from a few days (Ascension bridge) to about nine weeks (summer)
            assertThat(h.to().toEpochDay() - h.from().toEpochDay()).isBetween(3L, 62L);
        }
        for (String z : new String[] {"A", "B", "C"}) {
            for (int year = 2019; year <= 2027; year++) {
                // each zone has winter holidays in February every year of the table
                assertThat(
                                FrenchSchoolHolidays.holiday(z, LocalDate.of(year, 2, 20)) != null
                                        || FrenchSchoolHolidays.holiday(
                                                        z, LocalDate.of(year, 2, 13))
                                                != null
                                        || FrenchSchoolHolidays.holiday(z, LocalDate.of(year, 3, 2))
                                                != null)
                        .as("zone %s winter %d", z, year)
                        .isTrue();
            }
        }
    }

    @Test
    void readsTheSchoolZoneKey() throws Exception {
        Path file = dir.resolve("zone.yaml");
        Files.writeString(file, "school_zone: B\n");
        assertThat(ForecastCalendar.load(file).schoolZone()).isEqualTo("B");
        Files.writeString(file, "school_zone: Z\n");
        assertThatThrownBy(() -> ForecastCalendar.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("school_zone");
    }
}
