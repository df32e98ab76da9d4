package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule file's shifts as the simulation plays them ({@link ScheduledShifts}): instants worked
 * out by hand (Paris is UTC+2 in October until the 25th, UTC+1 after; on 29 March 2026 the clocks
 * jump from 02:00 to 03:00).
 */
class ShiftPlansTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private static final String SCHEDULE =
            String.join(
                    "\n",
                    "agent_id,date,start,end,breaks",
                    "A001,2026-10-05,08:15,17:00,09:45-10:00;11:30-12:15;14:30-14:45",
                    "A002,2026-10-05,22:00,06:00,23:00-23:20;01:00-01:30",
                    "A003,2026-10-06,16:00,24:00,",
                    "A004,2026-10-06,08:00,12:00,10:00-10:29;11:00-11:00",
                    "A005,2026-03-29,02:30,06:30,",
                    "");

    private static ScheduledShifts shifts(Path dir) throws Exception {
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, SCHEDULE);
        return new ScheduledShifts(
                ShiftSchedule.read(file, Set.of("A001", "A002", "A003", "A004", "A005")), PARIS);
    }

    private static AgentProfile agent(String id) {
        return new AgentProfile(id, "EQUIPE_NORD", List.of("ACCUEIL"), 1.0);
    }

    private static ShiftPlan shift(ScheduledShifts s, String id, LocalDate date) {
        return s.shiftOf(agent(id), 0, date).orElseThrow();
    }

    private static Activity activity(Activity.Kind kind, String utc, int minutes) {
        return new Activity(kind, Instant.parse(utc), Duration.ofMinutes(minutes));
    }

    @Test
    void aDayShiftLogsInAndOutAtItsTimesWithItsBreaksAndLunch(@TempDir Path dir) throws Exception {
        ShiftPlan p = shift(shifts(dir), "A001", MONDAY);
        assertThat(p.login()).isEqualTo(Instant.parse("2026-10-05T06:15:00Z"));
        assertThat(p.logout()).isEqualTo(Instant.parse("2026-10-05T15:00:00Z"));
        assertThat(p.activities())
                .containsExactly(
                        activity(Activity.Kind.BREAK, "2026-10-05T07:45:00Z", 15),
                        activity(Activity.Kind.LUNCH, "2026-10-05T09:30:00Z", 45),
                        activity(Activity.Kind.BREAK, "2026-10-05T12:30:00Z", 15));
    }

    @Test
    void aNightShiftEndsTheNextDayWithItsBreaksAfterMidnightToo(@TempDir Path dir)
            throws Exception {
        ShiftPlan p = shift(shifts(dir), "A002", MONDAY);
        assertThat(p.login()).isEqualTo(Instant.parse("2026-10-05T20:00:00Z"));
        assertThat(p.logout()).isEqualTo(Instant.parse("2026-10-06T04:00:00Z"));
        assertThat(p.activities())
                .containsExactly(
                        activity(Activity.Kind.BREAK, "2026-10-05T21:00:00Z", 20),
                        // 01:00 is before the 22:00 start on the clock: the next day's; 30 min
                        // makes it a lunch
                        activity(Activity.Kind.LUNCH, "2026-10-05T23:00:00Z", 30));
    }

    @Test
    void twentyFourHundredIsTheNextMidnightAnd29MinutesIsABreak(@TempDir Path dir)
            throws Exception {
        ScheduledShifts s = shifts(dir);
        ShiftPlan evening = shift(s, "A003", TUESDAY);
        assertThat(evening.login()).isEqualTo(Instant.parse("2026-10-06T14:00:00Z"));
        assertThat(evening.logout()).isEqualTo(Instant.parse("2026-10-06T22:00:00Z"));
        assertThat(evening.activities()).isEmpty();
        ShiftPlan morning = shift(s, "A004", TUESDAY);
        // an empty break (11:00-11:00) is skipped
        assertThat(morning.activities())
                .containsExactly(activity(Activity.Kind.BREAK, "2026-10-06T08:00:00Z", 29));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardByAnHour(@TempDir Path dir) throws Exception {
        ShiftPlan p = shift(shifts(dir), "A005", LocalDate.of(2026, 3, 29));
        // 02:30 does not exist: 03:30 CEST (01:30Z); 06:30 CEST is 04:30Z
        assertThat(p.login()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(p.logout()).isEqualTo(Instant.parse("2026-03-29T04:30:00Z"));
    }

    @Test
    void onlyScheduledAgentsWorkAndOnlyOnScheduledDates(@TempDir Path dir) throws Exception {
        ScheduledShifts s = shifts(dir);
        assertThat(s.staffs(MONDAY)).isTrue();
        assertThat(s.staffs(TUESDAY)).isTrue();
        assertThat(s.staffs(MONDAY.plusDays(2))).isFalse();
        assertThat(s.shiftOf(agent("A001"), 0, TUESDAY)).isEmpty();
        assertThat(s.shiftOf(agent("A003"), 2, MONDAY)).isEmpty();
        assertThat(s.shiftOf(agent("A999"), 9, MONDAY)).isEmpty();
    }

    @Test
    void aShiftCoversItsAgentFromLoginUntilLogout(@TempDir Path dir) throws Exception {
        ShiftPlan p = shift(shifts(dir), "A001", MONDAY);
        assertThat(p.covers(Instant.parse("2026-10-05T06:14:59Z"))).isFalse();
        assertThat(p.covers(Instant.parse("2026-10-05T06:15:00Z"))).isTrue();
        assertThat(p.covers(Instant.parse("2026-10-05T14:59:59Z"))).isTrue();
        assertThat(p.covers(Instant.parse("2026-10-05T15:00:00Z"))).isFalse();
    }

    @Test
    void aPlanEndsAfterItStartsAndHoldsNoLogout() {
        Instant t = Instant.parse("2026-10-05T06:00:00Z");
        assertThatThrownBy(() -> new ShiftPlan(t, t, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShiftPlan(t, t.plusSeconds(60), List.of(Activity.logout(t))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
