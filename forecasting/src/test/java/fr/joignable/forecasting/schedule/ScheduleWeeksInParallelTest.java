package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.forecasting.training.Roster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weeks solved side by side ({@link WeekSolves}) give the schedule of weeks solved one after the
 * other, byte for byte, and the same progress lines in the same order: each solve stops on work
 * done, and the rostering that carries the rest from one week to the next stays in week order.
 */
class ScheduleWeeksInParallelTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String THREADS = "joignable.schedule.weekThreads";

    @TempDir static Path dir;

    static Path roster;
    static Path staffing;
    static Path rules;

    @BeforeAll
    static void inputs() throws IOException {
        roster = ScheduleTestInputs.eightAgentRoster(dir);
        staffing = dir.resolve("staffing.csv");
        StringBuilder s =
                new StringBuilder(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents\n");
        // three weeks that differ (a busier second week, a bank holiday on 11 November in the
        // third), starting on a Wednesday: a partial first week
        LocalDate first = LocalDate.of(2026, 10, 28);
        for (int d = 0; d < 19; d++) {
            LocalDate date = first.plusDays(d);
            if (date.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double week = 1 + 0.15 * ((d + 2) / 7 % 2);
            for (int slot = 34; slot < 70; slot++) {
                Instant t =
                        ZonedDateTime.of(date, LocalTime.MIN, PARIS)
                                .plusMinutes(15L * slot)
                                .toInstant();
                double loyers = week * ((slot < 48 ? 3.4 : 2.1) + (d % 7 == 5 ? 1.0 : 0));
                double tech =
                        week
                                * (slot >= 36 && slot < 44
                                        ? 2.6
                                        : slot >= 46 && slot < 54 ? 0.7 : 1.3);
                s.append(String.format("%s,LOYERS,PHONE,10,240,%.2f,%.2f%n", t, loyers, loyers));
                s.append(String.format("%s,TECHNIQUE,PHONE,5,300,%.2f,%.2f%n", t, tech, tech));
            }
        }
        Files.writeString(staffing, s.toString());
        rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "shifts:\n  lengths: [6h, 8h]\n  start_step: 30m\n");
    }

    @AfterEach
    void clear() {
        System.clearProperty(THREADS);
    }

    @ParameterizedTest(name = "mip = {0}")
    @ValueSource(booleans = {true, false})
    void sameScheduleAndLinesWithOneOrTwoThreads(boolean mip) throws Exception {
        List<String> one = new ArrayList<>();
        byte[] sequential = solve(mip, "1", one);
        List<String> two = new ArrayList<>();
        byte[] parallel = solve(mip, "2", two);
        assertThat(sequential.length).isGreaterThan(500);
        assertThat(parallel).isEqualTo(sequential);
        // the lines differ only in the seconds the solves took
        assertThat(withoutTimes(two)).isEqualTo(withoutTimes(one));
        assertThat(one.stream().filter(l -> l.startsWith("week of"))).hasSize(3);
    }

    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 2})
    void aFailedWeekFailsTheCallerWithItsOwnException(int threads) {
        List<Scheduler.WeekJob> jobs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            jobs.add(
                    w == 1
                            ? null // a closed week
                            : new Scheduler.WeekJob(
                                    LocalDate.of(2026, 11, 2).plusWeeks(w),
                                    new boolean[7],
                                    5,
                                    List.of(),
                                    List.of(),
                                    5,
                                    List.of(),
                                    List.of(),
                                    0,
                                    1,
                                    "week " + w));
        }
        List<String> lines = new ArrayList<>();
        try (WeekSolves solves =
                new WeekSolves(
                        threads,
                        jobs,
                        (job, log) -> {
                            log.accept("solving " + job.header());
                            if (job.header().equals("week 2")) {
                                throw new fr.joignable.domain.io.InputException("week 2 fails");
                            }
                            return new WeekModel.Solution(new int[0][][], 1, 1, "OPTIMAL", 0);
                        })) {
            assertThat(solves.result(0, lines::add).status()).isEqualTo("OPTIMAL");
            assertThat(lines).containsExactly("solving week 0");
            assertThatThrownBy(() -> solves.result(2, lines::add))
                    .isInstanceOf(fr.joignable.domain.io.InputException.class)
                    .hasMessage("week 2 fails");
        }
    }

    private static List<String> withoutTimes(List<String> lines) {
        // CP-SAT's interim reports ("  6 s: cost …") are throttled on the clock: left out
        return lines.stream()
                .filter(l -> !l.matches("\\s+[0-9.]+ s: .*"))
                .map(l -> l.replaceAll("[0-9]+\\.[0-9] s", "T s"))
                .toList();
    }

    private static byte[] solve(boolean mip, String threads, List<String> lines)
            throws IOException {
        System.setProperty(THREADS, threads);
        ScheduleResult result =
                Scheduler.schedule(
                        Roster.read(roster),
                        QueueDemand.read(staffing),
                        ShiftRules.read(rules),
                        new Scheduler.Options(4.5, 1, mip),
                        lines::add);
        Path file = dir.resolve("s" + threads + "-" + mip + ".csv");
        ScheduleFiles.writeSchedule(file, result.shifts());
        return Files.readAllBytes(file);
    }
}
