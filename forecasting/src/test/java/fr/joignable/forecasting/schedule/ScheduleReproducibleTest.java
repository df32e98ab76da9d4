package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same plan and roster give the same schedule file, byte for byte, whether the machine is idle
 * or busy: the solvers stop on work done (SCIP nodes, CP-SAT deterministic time), not on the clock
 * (issue #20). The second solve runs while two threads keep every core busy, which under a
 * wall-clock limit moves where the search stops.
 */
class ScheduleReproducibleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
        LocalDate monday = LocalDate.of(2026, 11, 16);
        for (int d = 0; d < 5; d++) {
            for (int slot = 34; slot < 70; slot++) {
                Instant t =
                        ZonedDateTime.of(monday.plusDays(d), LocalTime.MIN, PARIS)
                                .plusMinutes(15L * slot)
                                .toInstant();
                // uneven on purpose: a morning peak on Mondays, a lull at lunch
                double loyers = (slot < 48 ? 3.4 : 2.1) + (d == 0 && slot < 44 ? 1.5 : 0);
                double tech = slot >= 36 && slot < 44 ? 2.6 : slot >= 46 && slot < 54 ? 0.7 : 1.3;
                s.append(String.format("%s,LOYERS,PHONE,10,240,%.1f,%.1f%n", t, loyers, loyers));
                s.append(String.format("%s,TECHNIQUE,PHONE,5,300,%.1f,%.1f%n", t, tech, tech));
            }
        }
        Files.writeString(staffing, s.toString());
        // few patterns keep the test quick; the search still has choices to make
        rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "shifts:\n  lengths: [6h, 8h]\n  start_step: 30m\n");
    }

    @ParameterizedTest(name = "mip = {0}")
    @ValueSource(booleans = {true, false})
    void sameFileOnAnIdleAndOnABusyMachine(boolean mip) throws Exception {
        byte[] idle = solve(mip, "idle-" + mip);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Thread t =
                    new Thread(
                            () -> {
                                long x = 0;
                                while (!stop.get()) {
                                    x = x * 6364136223846793005L + 1442695040888963407L;
                                }
                                if (x == 42) {
                                    System.out.print("");
                                }
                            });
            t.setDaemon(true);
            t.start();
            load.add(t);
        }
        byte[] busy;
        try {
            busy = solve(mip, "busy-" + mip);
        } finally {
            stop.set(true);
            for (Thread t : load) {
                t.join();
            }
        }
        assertThat(idle.length).isGreaterThan(200);
        assertThat(busy).isEqualTo(idle);
    }

    private static byte[] solve(boolean mip, String name) throws IOException {
        ScheduleResult result =
                Scheduler.schedule(
                        Roster.read(roster),
                        QueueDemand.read(staffing),
                        ShiftRules.read(rules),
                        new Scheduler.Options(3, 2, mip),
                        line -> {});
        Path file = dir.resolve(name + ".csv");
        ScheduleFiles.writeSchedule(file, result.shifts());
        return Files.readAllBytes(file);
    }
}
