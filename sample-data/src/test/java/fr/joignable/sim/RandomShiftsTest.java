package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shifts drawn at random for the default centre (opens 8:30, closes 17:30, Paris; breaks 15 min,
 * lunch 45 min; 5 % absence, 4 % training). Shares are checked over many draws with a tolerance of
 * 4 standard errors, √(p(1 − p) / n).
 */
class RandomShiftsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults();
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 12);
    private static final AgentProfile FULL = profile(1.0);
    private static final int N = 20_000;

    private static AgentProfile profile(double fte) {
        return new AgentProfile("A001", "EQUIPE_NORD", List.of("ACCUEIL"), fte);
    }

    private static LocalTime local(Instant t) {
        return t.atZone(PARIS).toLocalTime();
    }

    private static double tolerance(double p, int n) {
        return 4 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void onlyWorkingDaysAreStaffed() {
        RandomShifts shifts = new RandomShifts(OPTIONS, new Draws(1));
        assertThat(shifts.staffs(MONDAY)).isTrue();
        assertThat(shifts.staffs(LocalDate.of(2026, 10, 17))).isFalse(); // Saturday
        assertThat(shifts.staffs(LocalDate.of(2026, 11, 11))).isFalse(); // Armistice
    }

    @Test
    void anAgentIsAbsentOnFivePercentOfHisDays() {
        RandomShifts shifts = new RandomShifts(OPTIONS, new Draws(2));
        int absent = 0;
        for (int i = 0; i < N; i++) {
            if (shifts.shiftOf(FULL, 0, MONDAY).isEmpty()) {
                absent++;
            }
        }
        assertThat((double) absent / N).isCloseTo(0.05, within(tolerance(0.05, N)));
    }

    @Test
    void fourFifthsTimersHaveWednesdayOrFridayOffByPosition() {
        RandomShifts shifts = new RandomShifts(OPTIONS, new Draws(3));
        AgentProfile part = profile(0.8);
        LocalDate wednesday = LocalDate.of(2026, 10, 14);
        LocalDate friday = LocalDate.of(2026, 10, 16);
        assertThat(wednesday.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        int wednesdays = 0;
        int fridays = 0;
        for (int i = 0; i < 200; i++) {
            // position 4: (4 / 5) % 2 == 0, Wednesday off; position 9: Friday off
            assertThat(shifts.shiftOf(part, 4, wednesday)).isEmpty();
            assertThat(shifts.shiftOf(part, 9, friday)).isEmpty();
            wednesdays += shifts.shiftOf(part, 9, wednesday).isPresent() ? 1 : 0;
            fridays += shifts.shiftOf(part, 4, friday).isPresent() ? 1 : 0;
        }
        // present unless absent (5 %)
        assertThat(wednesdays).isGreaterThan(170);
        assertThat(fridays).isGreaterThan(170);
    }

    @Test
    void aHalfTimerWorksTheMorningWithOneBreak() {
        RandomShifts shifts = new RandomShifts(OPTIONS, new Draws(4));
        for (int i = 0; i < 2_000; i++) {
            Optional<ShiftPlan> shift = shifts.shiftOf(profile(0.5), 10, MONDAY);
            if (shift.isEmpty()) {
                continue;
            }
            ShiftPlan p = shift.get();
            // login 8:30 −3…+4 min, logout 12:30 +0…3 min, break 10:15 ± 10 min
            assertThat(local(p.login())).isBetween(LocalTime.of(8, 27), LocalTime.of(8, 34));
            assertThat(local(p.logout())).isBetween(LocalTime.of(12, 30), LocalTime.of(12, 33));
            assertThat(p.activities()).hasSize(1);
            Activity pause = p.activities().get(0);
            assertThat(pause.kind()).isEqualTo(Activity.Kind.BREAK);
            assertThat(pause.length()).isEqualTo(Duration.ofMinutes(15));
            assertThat(local(pause.due())).isBetween(LocalTime.of(10, 5), LocalTime.of(10, 25));
        }
    }

    @Test
    void fullDaysAreEarlyMidOrLateShiftsOfSevenHoursFortyFive() {
        RandomShifts shifts = new RandomShifts(OPTIONS, new Draws(5));
        int early = 0;
        int mid = 0;
        int late = 0;
        int trained = 0;
        int worked = 0;
        for (int i = 0; i < N; i++) {
            Optional<ShiftPlan> shift = shifts.shiftOf(FULL, 0, MONDAY);
            if (shift.isEmpty()) {
                continue;
            }
            worked++;
            ShiftPlan p = shift.get();
            LocalTime in = local(p.login());
            // starts 8:15, 8:30 or 10:00 (17:30 + 15 min − 7 h 45), each −3…+4 min
            if (!in.isBefore(LocalTime.of(8, 12)) && in.isBefore(LocalTime.of(8, 19))) {
                early++;
            } else if (!in.isBefore(LocalTime.of(8, 27)) && in.isBefore(LocalTime.of(8, 34))) {
                mid++;
            } else if (!in.isBefore(LocalTime.of(9, 57)) && in.isBefore(LocalTime.of(10, 4))) {
                late++;
            }
            // 7 h 45 with login −3…+4 min and logout +0…3 min
            Duration length = Duration.between(p.login(), p.logout());
            assertThat(length).isBetween(Duration.ofMinutes(461), Duration.ofMinutes(471));
            List<Activity> a = p.activities();
            assertThat(a.subList(0, 3))
                    .extracting(Activity::kind)
                    .containsExactly(Activity.Kind.BREAK, Activity.Kind.LUNCH, Activity.Kind.BREAK);
            assertThat(a.get(1).length()).isEqualTo(Duration.ofMinutes(45));
            for (Activity x : a) {
                assertThat(p.covers(x.due())).as(x.toString()).isTrue();
            }
            if (a.size() == 4) {
                trained++;
                assertThat(a.get(3).kind()).isEqualTo(Activity.Kind.TRAINING);
                assertThat(a.get(3).length())
                        .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(120));
            }
            // every full day covers the core hours
            assertThat(p.covers(MONDAY.atTime(10, 5).atZone(PARIS).toInstant())).isTrue();
            assertThat(p.covers(MONDAY.atTime(15, 59).atZone(PARIS).toInstant())).isTrue();
        }
        assertThat(early + mid + late).isEqualTo(worked);
        assertThat((double) early / worked).isCloseTo(0.3, within(tolerance(0.3, worked)));
        assertThat((double) mid / worked).isCloseTo(0.3, within(tolerance(0.3, worked)));
        assertThat((double) late / worked).isCloseTo(0.4, within(tolerance(0.4, worked)));
        assertThat((double) trained / worked).isCloseTo(0.04, within(tolerance(0.04, worked)));
    }
}
