package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.time.FrenchPublicHolidays;
import fr.joignable.forecasting.training.Roster;
import fr.joignable.forecasting.training.StaffingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Produces a schedule for a small centre (two weeks, a public holiday, part-timers, queue names
 * with commas) and checks every hard rule of the default rules on the written file, parsing it
 * independently of the code under test.
 */
class ScheduleHardRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir static Path dir;

    static Path scheduleFile;
    static Map<String, Double> fte = new HashMap<>();
    static ScheduleResult result;

    @BeforeAll
    static void schedule() throws IOException {
        Path roster = dir.resolve("roster.csv");
        StringBuilder r = new StringBuilder("agent_id,team,skills,fte\n");
        String[] skills = {"LOYERS", "\"TECHNIQUE, URGENCES\"", "\"LOYERS;TECHNIQUE, URGENCES\""};
        for (int a = 0; a < 9; a++) {
            double f = a % 4 == 3 ? 0.5 : a % 4 == 2 ? 0.8 : 1.0;
            String id = String.format("A%02d", a);
            fte.put(id, f);
            r.append(id)
                    .append(",T")
                    .append(a % 2)
                    .append(',')
                    .append(skills[a % 3])
                    .append(',')
                    .append(f)
                    .append('\n');
        }
        Files.writeString(roster, r.toString());
        // two weeks from Monday 2026-11-02; Wednesday 11 November is a public holiday
        Path staffing = dir.resolve("staffing.csv");
        StringBuilder s =
                new StringBuilder(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,occupancy,asa_s\n");
        LocalDate monday = LocalDate.of(2026, 11, 2);
        for (int d = 0; d < 14; d++) {
            LocalDate date = monday.plusDays(d);
            for (int slot = 0; slot < 96; slot++) {
                Instant t =
                        ZonedDateTime.of(date, LocalTime.MIN, PARIS)
                                .plusMinutes(15L * slot)
                                .toInstant();
                int minute = slot * 15;
                boolean open =
                        minute >= 8 * 60 + 30
                                && minute < 17 * 60 + 30
                                && date.getDayOfWeek().getValue() <= 5;
                double loyers = open ? (minute < 12 * 60 ? 3.0 : 2.0) : 0;
                double tech = open ? (minute >= 9 * 60 && minute < 11 * 60 ? 2.5 : 1.2) : 0;
                s.append(t)
                        .append(",LOYERS,PHONE,10,240,")
                        .append(loyers)
                        .append(',')
                        .append(loyers)
                        .append(",,,\n");
                s.append(t)
                        .append(",\"TECHNIQUE, URGENCES\",PHONE,5,300,")
                        .append(tech)
                        .append(',')
                        .append(tech)
                        .append(",,,\n");
            }
        }
        Files.writeString(staffing, s.toString());
        result =
                Scheduler.schedule(
                        Roster.read(roster),
                        StaffingPlan.read(staffing),
                        ShiftRules.defaults(),
                        new Scheduler.Options(60, 2, true),
                        line -> {});
        scheduleFile = dir.resolve("schedule.csv");
        ScheduleFiles.writeSchedule(scheduleFile, result.shifts());
    }

    record Row(String agent, LocalDate date, int start, int end, List<int[]> breaks) {}

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(scheduleFile);
        assertThat(lines.get(0)).isEqualTo("agent_id,date,start,end,breaks");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            List<int[]> breaks = new ArrayList<>();
            if (!f[4].isEmpty()) {
                for (String b : f[4].split(";")) {
                    assertThat(b).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
                    breaks.add(new int[] {min(b.substring(0, 5)), min(b.substring(6))});
                }
            }
            assertThat(f[2]).matches("\\d\\d:\\d\\d");
            rows.add(new Row(f[0], LocalDate.parse(f[1]), min(f[2]), min(f[3]), breaks));
        }
        return rows;
    }

    static int min(String hhmm) {
        LocalTime t = LocalTime.parse(hhmm);
        return t.getHour() * 60 + t.getMinute();
    }

    static int lunch(Row r) {
        return (int) r.breaks().stream().filter(b -> b[1] - b[0] == 45).count();
    }

    static int paid(Row r) {
        return r.end() - r.start() - 45 * lunch(r);
    }

    @Test
    void theScheduleIsNotEmptyAndCoversMostOfThePlan() throws IOException {
        assertThat(rows()).hasSizeGreaterThan(30);
        assertThat(result.shortAgentHours()).isLessThan(0.5 * result.requiredAgentHours());
    }

    @Test
    void shiftsAreOnOpenDaysWithinOpeningHoursOnTheQuarterHour() throws IOException {
        for (Row r : rows()) {
            assertThat(r.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(FrenchPublicHolidays.isHoliday(r.date())).as(r.toString()).isFalse();
            assertThat(r.start()).isGreaterThanOrEqualTo(8 * 60 + 15);
            assertThat(r.end()).isLessThanOrEqualTo(17 * 60 + 45);
            assertThat(r.start() % 15).isZero();
        }
    }

    @Test
    void oneShiftPerAgentAndDayOfAllowedLength() throws IOException {
        Set<String> seen = new java.util.HashSet<>();
        for (Row r : rows()) {
            assertThat(seen.add(r.agent() + r.date())).as("two shifts: " + r).isTrue();
            assertThat(fte).containsKey(r.agent());
            assertThat(paid(r)).isIn(240, 360, 420, 480);
            assertThat(paid(r)).isLessThanOrEqualTo(600);
        }
    }

    @Test
    void lunchInItsWindowForShiftsOfSixHoursOrMore() throws IOException {
        for (Row r : rows()) {
            int work = r.end() - r.start();
            if (work - 45 >= 360) {
                assertThat(lunch(r)).as(r.toString()).isEqualTo(1);
                int[] l =
                        r.breaks().stream()
                                .filter(b -> b[1] - b[0] == 45)
                                .findFirst()
                                .orElseThrow();
                assertThat(l[0]).isGreaterThanOrEqualTo(11 * 60 + 30);
                assertThat(l[1]).isLessThanOrEqualTo(14 * 60);
                assertThat(l[0] - r.start()).isGreaterThanOrEqualTo(60);
                assertThat(r.end() - l[1]).isGreaterThanOrEqualTo(60);
            } else {
                assertThat(lunch(r)).isZero();
            }
        }
    }

    @Test
    void breaksInsideTheShiftNoOverlapAndTwentyMinutesBeforeSixHours() throws IOException {
        for (Row r : rows()) {
            int last = r.start();
            int sinceLegal = r.start();
            for (int[] b : r.breaks()) {
                assertThat(b[0]).as(r.toString()).isGreaterThanOrEqualTo(last);
                assertThat(b[1]).isGreaterThan(b[0]);
                assertThat(b[1]).isLessThanOrEqualTo(r.end());
                last = b[1];
                if (b[1] - b[0] >= 20) {
                    assertThat(b[0] - sinceLegal)
                            .as("6 h without 20 min: " + r)
                            .isLessThanOrEqualTo(360);
                    sinceLegal = b[1];
                }
            }
            assertThat(r.end() - sinceLegal)
                    .as("6 h without 20 min: " + r)
                    .isLessThanOrEqualTo(360);
            // a stretch of 2 h 30 or more between pauses has a short break
            int from = r.start();
            for (int[] b : r.breaks()) {
                assertThat(b[0] - from).as("stretch without break: " + r).isLessThan(180);
                from = b[1];
            }
        }
    }

    @Test
    void weeklyHoursWithinTheContractDaysOffAndElevenHoursOfRest() throws IOException {
        Map<String, Map<Integer, Integer>> minutes = new HashMap<>();
        Map<String, Map<Integer, Integer>> days = new HashMap<>();
        Map<String, Row> previous = new HashMap<>();
        List<Row> rows = new ArrayList<>(rows());
        rows.sort((a, b) -> a.date().compareTo(b.date()));
        for (Row r : rows) {
            int week = r.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            minutes.computeIfAbsent(r.agent(), k -> new HashMap<>())
                    .merge(week, paid(r), Integer::sum);
            days.computeIfAbsent(r.agent(), k -> new HashMap<>()).merge(week, 1, Integer::sum);
            Row p = previous.put(r.agent(), r);
            if (p != null) {
                long rest =
                        java.time.Duration.between(
                                        p.date().atStartOfDay().plusMinutes(p.end()),
                                        r.date().atStartOfDay().plusMinutes(r.start()))
                                .toMinutes();
                assertThat(rest).as(p + " then " + r).isGreaterThanOrEqualTo(11 * 60);
            }
        }
        minutes.forEach(
                (agent, perWeek) ->
                        perWeek.forEach(
                                (week, m) -> {
                                    // the week of 11 November has 4 open days: contract prorated
                                    int open =
                                            week
                                                            == LocalDate.of(2026, 11, 11)
                                                                    .get(
                                                                            IsoFields
                                                                                    .WEEK_OF_WEEK_BASED_YEAR)
                                                    ? 4
                                                    : 5;
                                    assertThat(m)
                                            .as(agent + " week " + week)
                                            .isLessThanOrEqualTo(
                                                    (int)
                                                            Math.floor(
                                                                    fte.get(agent)
                                                                                    * 2100
                                                                                    * open
                                                                                    / 5.0
                                                                            + 1e-9));
                                }));
        days.forEach(
                (agent, perWeek) ->
                        perWeek.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(5)));
    }
}
