package fr.joignable.sim;

import static fr.joignable.sim.Millis.HOUR;
import static fr.joignable.sim.Millis.MINUTE;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shifts drawn at random around the opening hours, on working days only.
 *
 * <p>Model, per agent and working day:
 *
 * <ul>
 *   <li>absent with probability {@link SimulatorOptions#absenceShare()};
 *   <li>an agent of FTE in (0.5, 1) has one weekday off, Wednesday or Friday (alternating every
 *       five roster positions);
 *   <li>a half-timer (FTE ≤ 0.5) works the morning: from opening (−3…+4 min) to 4 h later (+0…3
 *       min), one break 1 h 45 after opening (±10 min);
 *   <li>anyone else works 7 h 45 with a lunch: early from 15 min before opening (30 %), mid from
 *       opening (30 %) or late, ending 15 min after closing (40 %, but not before the early shift);
 *       login −3…+4 min, logout +0…3 min; a break 2 h after login (±15 min), a lunch of {@link
 *       SimulatorOptions#lunchLength()} (early 3 h 30 after opening, mid 4 h 15, late 4 h before
 *       closing; ±5 min; mid-shift when that would not leave an hour of work after it) and a break
 *       1 h 45 after lunch (±15 min); breaks last {@link SimulatorOptions#breakLength()};
 *   <li>with probability {@link SimulatorOptions#trainingShare()} a training session of 1 h to 2 h
 *       (quarter-hours) starting 15 min to 1 h 15 after lunch.
 * </ul>
 *
 * Offsets are uniform. The draws are made in this order, so the same seed gives the same shifts.
 */
final class RandomShifts implements Shifts {

    static final int SHIFT_MINUTES = 7 * 60 + 45;

    private final SimulatorOptions options;
    private final Draws draws;

    RandomShifts(SimulatorOptions options, Draws draws) {
        this.options = options;
        this.draws = draws;
    }

    @Override
    public boolean staffs(LocalDate date) {
        return ContactModel.isWorkingDay(date);
    }

    @Override
    public Optional<ShiftPlan> shiftOf(AgentProfile agent, int position, LocalDate date) {
        if (draws.chance(options.absenceShare())) {
            return Optional.empty();
        }
        if (agent.fte() < 1 && agent.fte() > 0.5) {
            DayOfWeek off = (position / 5) % 2 == 0 ? DayOfWeek.WEDNESDAY : DayOfWeek.FRIDAY;
            if (date.getDayOfWeek() == off) {
                return Optional.empty();
            }
        }
        return Optional.of(agent.fte() <= 0.5 ? morning(date) : fullDay(date));
    }

    private ShiftPlan morning(LocalDate date) {
        LocalTime opens = options.opens();
        long login = millis(date, opens) + draws.minutesBetween(-3, 4);
        long logout = millis(date, opens.plusHours(4)) + draws.minutesBetween(0, 3);
        long breakAt = millis(date, opens.plusMinutes(105)) + draws.minutesBetween(-10, 10);
        return plan(login, logout, List.of(activity(Activity.Kind.BREAK, breakAt, breakLength())));
    }

    private ShiftPlan fullDay(LocalDate date) {
        // Shifts of 7 h 45 (7 h of work and lunch) around the opening hours: early from 15 min
        // before opening, mid from opening, late until 15 min after closing.
        LocalTime opens = options.opens();
        LocalTime closes = options.closes();
        double u = draws.uniform();
        LocalTime start;
        LocalTime lunch;
        if (u < 0.3) {
            start = opens.minusMinutes(15);
            lunch = opens.plusMinutes(210);
        } else if (u < 0.6) {
            start = opens;
            lunch = opens.plusMinutes(255);
        } else {
            int lateStart =
                    Math.max(
                            opens.toSecondOfDay() / 60 - 15,
                            closes.toSecondOfDay() / 60 + 15 - SHIFT_MINUTES);
            start = LocalTime.ofSecondOfDay(lateStart * 60L);
            lunch = closes.minusHours(4);
        }
        LocalTime end = start.plusMinutes(SHIFT_MINUTES);
        if (!lunch.isAfter(start) || !lunch.isBefore(end.minusMinutes(60))) {
            lunch = start.plusMinutes(SHIFT_MINUTES / 2);
        }
        long login = millis(date, start) + draws.minutesBetween(-3, 4);
        long logout = millis(date, end) + draws.minutesBetween(0, 3);
        long lunchAt = millis(date, lunch) + draws.minutesBetween(-5, 5);
        long lunchLength = options.lunchLength().toMillis();
        List<Activity> activities = new ArrayList<>(4);
        activities.add(
                activity(
                        Activity.Kind.BREAK,
                        login + 2 * HOUR + draws.minutesBetween(-15, 15),
                        breakLength()));
        activities.add(activity(Activity.Kind.LUNCH, lunchAt, lunchLength));
        activities.add(
                activity(
                        Activity.Kind.BREAK,
                        lunchAt + lunchLength + 105 * MINUTE + draws.minutesBetween(-15, 15),
                        breakLength()));
        if (draws.chance(options.trainingShare())) {
            long at = lunchAt + lunchLength + 15 * MINUTE * (1 + draws.below(5));
            long length = 60 * MINUTE + 15 * MINUTE * draws.below(5);
            activities.add(activity(Activity.Kind.TRAINING, at, length));
        }
        return plan(login, logout, activities);
    }

    private long breakLength() {
        return options.breakLength().toMillis();
    }

    private long millis(LocalDate date, LocalTime time) {
        return CentreDay.millis(date, time, zone());
    }

    private ZoneId zone() {
        return options.zone();
    }

    private static Activity activity(Activity.Kind kind, long at, long length) {
        return new Activity(kind, Instant.ofEpochMilli(at), Duration.ofMillis(length));
    }

    private static ShiftPlan plan(long login, long logout, List<Activity> activities) {
        return new ShiftPlan(Instant.ofEpochMilli(login), Instant.ofEpochMilli(logout), activities);
    }
}
