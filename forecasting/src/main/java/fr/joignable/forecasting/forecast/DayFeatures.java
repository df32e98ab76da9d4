package fr.joignable.forecasting.forecast;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Calendar columns of the {@link Model#GLM} daily totals: where a day falls among the working days
 * of its month. Billing and rent cycles put more calls on the first working days of a month and on
 * its last ones (the bank of {@code docs/forecasting.md}: +13 % on the first working day, +7 % on
 * the second and third and on the last two, against the same weekday of the weeks around; a
 * landlord's rent notices and direct debits do the same). The columns are
 *
 * <ol>
 *   <li>the first working day of the month;
 *   <li>the second or third;
 *   <li>one of the last two.
 * </ol>
 *
 * A working day is an open weekday that the calendar does not close (holidays known in advance), so
 * the columns are known for the horizon too. Their effects are learnt, shrunk towards none.
 */
final class DayFeatures {

    static final int COLUMNS = 3;

    private DayFeatures() {}

    /** The columns of {@code date}; all 0 on a day that is not a working day. */
    static double[] of(LocalDate date, Predicate<LocalDate> working) {
        double[] f = new double[COLUMNS];
        if (!working.test(date)) {
            return f;
        }
        int before = 0;
        for (LocalDate d = date.withDayOfMonth(1); d.isBefore(date); d = d.plusDays(1)) {
            before += working.test(d) ? 1 : 0;
        }
        int after = 0;
        LocalDate end = date.withDayOfMonth(date.lengthOfMonth());
        for (LocalDate d = date.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            after += working.test(d) ? 1 : 0;
        }
        f[0] = before == 0 ? 1 : 0;
        f[1] = before == 1 || before == 2 ? 1 : 0;
        f[2] = after <= 1 ? 1 : 0;
        return f;
    }
}
