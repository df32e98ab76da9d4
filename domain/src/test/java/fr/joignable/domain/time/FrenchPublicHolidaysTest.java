package fr.joignable.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchPublicHolidaysTest {

    /** Easter dates from the published Gregorian tables. */
    @ParameterizedTest
    @CsvSource({
        "2024,2024-03-31",
        "2025,2025-04-20",
        "2026,2026-04-05",
        "2027,2027-03-28",
        "2019,2019-04-21",
        "2038,2038-04-25"
    })
    void easterSunday(int year, String date) {
        assertThat(FrenchPublicHolidays.easterSunday(year)).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void holidaysOf2026() {
        assertThat(FrenchPublicHolidays.of(2026))
                .containsExactly(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-04-06"),
                        LocalDate.parse("2026-05-01"),
                        LocalDate.parse("2026-05-08"),
                        LocalDate.parse("2026-05-14"),
                        LocalDate.parse("2026-05-25"),
                        LocalDate.parse("2026-07-14"),
                        LocalDate.parse("2026-08-15"),
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-11"),
                        LocalDate.parse("2026-12-25"));
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.parse("2026-05-14"))).isTrue();
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.parse("2026-05-15"))).isFalse();
    }
}
