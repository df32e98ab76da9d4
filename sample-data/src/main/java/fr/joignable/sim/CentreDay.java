package fr.joignable.sim;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One local calendar day of the centre, as epoch milliseconds: the day runs from local midnight to
 * the next (23 or 25 hours on the days the clocks change), and the live channels are open from
 * {@code opens} to {@code closes} on a working day (Monday to Friday except French public holidays,
 * {@link ContactModel#isWorkingDay}).
 *
 * @param date the local date
 * @param start its first millisecond (local midnight)
 * @param end the next day's local midnight (exclusive)
 * @param workingDay whether the live channels open at all
 * @param opens opening time of the live channels on this date
 * @param closes closing time of the live channels on this date
 */
record CentreDay(
        LocalDate date, long start, long end, boolean workingDay, long opens, long closes) {

    static CentreDay of(LocalDate date, SimulatorOptions options) {
        ZoneId zone = options.zone();
        return new CentreDay(
                date,
                millis(date, LocalTime.MIDNIGHT, zone),
                date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                ContactModel.isWorkingDay(date),
                millis(date, options.opens(), zone),
                millis(date, options.closes(), zone));
    }

    /** Whether the live channels (phone, chat) are open at {@code t}. */
    boolean isOpen(long t) {
        return workingDay && t >= opens && t < closes;
    }

    /** The epoch millisecond of a local time on a local date (a time in a gap moves forward). */
    static long millis(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant().toEpochMilli();
    }
}
