package fr.joignable.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shifts of a schedule file ({@link ShiftSchedule}), played as written: an agent works on a
 * date only if the schedule gives him a shift then, logs in at its start and out at its end (an end
 * at or before the start is the next day's), and takes each break at its scheduled time — a break
 * of 30 minutes or more is a lunch (logged out), a shorter one a break (NOT_READY); a break that
 * starts before the shift's start on the clock is the next day's (a night shift), and an empty one
 * is skipped. No absence or training is drawn: nothing here is random.
 *
 * <p>Local times are placed on the date in the centre's zone; a time in a daylight-saving gap moves
 * forward by the gap.
 */
final class ScheduledShifts implements Shifts {

    private static final Duration LUNCH = Duration.ofMinutes(30);

    private final ShiftSchedule schedule;
    private final ZoneId zone;

    ScheduledShifts(ShiftSchedule schedule, ZoneId zone) {
        this.schedule = schedule;
        this.zone = zone;
    }

    @Override
    public boolean staffs(LocalDate date) {
        return schedule.anyOn(date);
    }

    @Override
    public Optional<ShiftPlan> shiftOf(AgentProfile agent, int position, LocalDate date) {
        ShiftSchedule.Shift shift = schedule.shift(agent.agentId(), date);
        if (shift == null) {
            return Optional.empty();
        }
        Instant login = at(date, shift.start());
        Instant logout = at(date, shift.end());
        if (!logout.isAfter(login)) {
            logout = at(date.plusDays(1), shift.end());
        }
        List<Activity> activities = new ArrayList<>();
        for (ShiftSchedule.Break b : shift.breaks()) {
            Instant from = at(date, b.start());
            Instant to = at(date, b.end());
            if (from.isBefore(login)) {
                from = at(date.plusDays(1), b.start());
                to = at(date.plusDays(1), b.end());
            }
            if (!to.isAfter(from)) {
                continue;
            }
            Duration length = Duration.between(from, to);
            Activity.Kind kind =
                    length.compareTo(LUNCH) >= 0 ? Activity.Kind.LUNCH : Activity.Kind.BREAK;
            activities.add(new Activity(kind, from, length));
        }
        return Optional.of(new ShiftPlan(login, logout, activities));
    }

    private Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
