package fr.joignable.forecasting.staffing;

import fr.joignable.domain.time.FrenchPublicHolidays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the back office works deferred contacts: weekdays and a daily window in a time zone,
 * optionally closed on French public holidays. An interval is open when its start falls in the
 * window ({@code open ≤ local start < close}) on an open day.
 */
public final class OpeningHours {

    private final Set<DayOfWeek> days;
    private final LocalTime open;
    private final LocalTime close;
    private final ZoneId zone;
    private final boolean closedOnPublicHolidays;

    public OpeningHours(
            Set<DayOfWeek> days,
            LocalTime open,
            LocalTime close,
            ZoneId zone,
            boolean closedOnPublicHolidays) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("opening days must not be empty");
        }
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("opening time must be before closing time");
        }
        this.days = Set.copyOf(EnumSet.copyOf(days));
        this.open = open;
        this.close = close;
        this.zone = zone;
        this.closedOnPublicHolidays = closedOnPublicHolidays;
    }

    /** Monday–Friday 08:30–17:30 Europe/Paris, closed on public holidays. */
    public static OpeningHours defaults() {
        return new OpeningHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 30),
                LocalTime.of(17, 30),
                ZoneId.of("Europe/Paris"),
                true);
    }

    /** The time zone of the opening hours. */
    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant intervalStart) {
        ZonedDateTime local = intervalStart.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        if (closedOnPublicHolidays && FrenchPublicHolidays.isHoliday(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(open) && t.isBefore(close);
    }

    @Override
    public String toString() {
        return days + " " + open + "-" + close + " " + zone;
    }
}
