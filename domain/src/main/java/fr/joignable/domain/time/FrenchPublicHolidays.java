package fr.joignable.domain.time;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * The eleven French public holidays (jours fériés) of metropolitan France: eight fixed dates and
 * three that follow Easter (Easter Monday, Ascension Thursday, Whit Monday).
 *
 * <p>Easter Sunday is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid
 * for every Gregorian year.
 */
public final class FrenchPublicHolidays {

    private static final Set<MonthDay> FIXED =
            Set.of(
                    MonthDay.of(1, 1), // Jour de l'an
                    MonthDay.of(5, 1), // Fête du travail
                    MonthDay.of(5, 8), // Victoire 1945
                    MonthDay.of(7, 14), // Fête nationale
                    MonthDay.of(8, 15), // Assomption
                    MonthDay.of(11, 1), // Toussaint
                    MonthDay.of(11, 11), // Armistice
                    MonthDay.of(12, 25)); // Noël

    private FrenchPublicHolidays() {}

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** True when {@code date} is a public holiday. */
    public static boolean isHoliday(LocalDate date) {
        if (FIXED.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter.plusDays(1))
                || date.equals(easter.plusDays(39))
                || date.equals(easter.plusDays(50));
    }

    /** The public holidays of one year, in date order. */
    public static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (MonthDay md : FIXED) {
            days.add(md.atYear(year));
        }
        LocalDate easter = easterSunday(year);
        days.add(easter.plusDays(1));
        days.add(easter.plusDays(39));
        days.add(easter.plusDays(50));
        return days;
    }
}
