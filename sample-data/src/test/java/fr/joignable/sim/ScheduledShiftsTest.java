package fr.joignable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator run from a schedule file: agents are logged in exactly in their shifts. */
class ScheduledShiftsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * An agent busy at his shift's end finishes the contact in hand (a call and its wrap-up) before
     * logging out; none of the simulated contacts lasts this long.
     */
    private static final Duration FINISH_CONTACT = Duration.ofMinutes(90);

    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    private static final String SCHEDULE =
            String.join(
                    "\n",
                    "agent_id,date,start,end,breaks",
                    "A001,2026-10-05,08:15,17:00,09:45-10:00;11:30-12:15;14:30-14:45",
                    "A002,2026-10-05,08:30,12:30,10:20-10:35",
                    "A002,2026-10-06,09:00,17:45,10:30-10:45;12:30-13:15;15:30-15:45",
                    "A003,2026-10-06,08:15,12:15,",
                    "");

    /** Scheduled (agent, date) → [start, end]. */
    private static final Map<String, LocalTime[]> SHIFTS =
            Map.of(
                    "A001|2026-10-05", new LocalTime[] {LocalTime.of(8, 15), LocalTime.of(17, 0)},
                    "A002|2026-10-05", new LocalTime[] {LocalTime.of(8, 30), LocalTime.of(12, 30)},
                    "A002|2026-10-06", new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 45)},
                    "A003|2026-10-06", new LocalTime[] {LocalTime.of(8, 15), LocalTime.of(12, 15)});

    private static List<AgentStateChanged> states(Path schedule) {
        SimulatorOptions options = SimulatorOptions.defaults().withSeed(7);
        Set<String> ids = new HashSet<>();
        for (AgentProfile p : SimulatedRoster.of(options).agents()) {
            ids.add(p.agentId());
        }
        List<InteractionEvent> events = new ArrayList<>();
        new ContactCentreSimulator(options, ShiftSchedule.read(schedule, ids))
                .run(MONDAY, 2, events::add, Progress.NONE);
        List<AgentStateChanged> out = new ArrayList<>();
        for (InteractionEvent e : events) {
            if (e instanceof AgentStateChanged s) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void agentsAreLoggedInExactlyInTheirScheduledShifts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, SCHEDULE);
        // per (agent, date): the state changes in time order
        Map<String, List<AgentStateChanged>> byShift = new TreeMap<>();
        for (AgentStateChanged s : states(file)) {
            String key = s.agentId() + "|" + s.ts().atZone(PARIS).toLocalDate();
            byShift.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        assertEquals(
                new TreeMap<>(SHIFTS).keySet(), byShift.keySet(), "only scheduled agents work");
        for (Map.Entry<String, List<AgentStateChanged>> e : byShift.entrySet()) {
            LocalDate date = LocalDate.parse(e.getKey().substring(5));
            Instant start = date.atTime(SHIFTS.get(e.getKey())[0]).atZone(PARIS).toInstant();
            Instant end = date.atTime(SHIFTS.get(e.getKey())[1]).atZone(PARIS).toInstant();
            List<AgentStateChanged> list = e.getValue();
            assertEquals(start, list.get(0).ts(), e.getKey() + ": logs in at the shift's start");
            assertTrue(list.get(0).state().isLoggedIn(), e.getKey());
            AgentStateChanged last = list.get(list.size() - 1);
            assertEquals(AgentState.LOGGED_OUT, last.state(), e.getKey() + ": ends logged out");
            assertFalse(last.ts().isBefore(end), e.getKey() + ": not before the shift's end");
            assertTrue(
                    !last.ts().isAfter(end.plus(FINISH_CONTACT)),
                    e.getKey() + ": logs out at " + last.ts() + ", shift ends " + end);
            for (AgentStateChanged s : list) {
                assertFalse(s.ts().isBefore(start), e.getKey() + ": nothing before the start");
            }
        }
    }

    @Test
    void aLunchIsLoggedOutFromItsScheduledStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, SCHEDULE);
        Instant lunch = MONDAY.atTime(11, 30).atZone(PARIS).toInstant();
        Instant lunchEnd = MONDAY.atTime(12, 15).atZone(PARIS).toInstant();
        boolean out = false;
        for (AgentStateChanged s : states(file)) {
            if (s.agentId().equals("A001")
                    && s.state() == AgentState.LOGGED_OUT
                    && !s.ts().isBefore(lunch)
                    && s.ts().isBefore(lunchEnd)) {
                out = true;
            }
        }
        assertTrue(out, "A001 logs out for lunch between 11:30 and 12:15");
    }

    @Test
    void anAgentOutsideTheRosterIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, "agent_id,date,start,end,breaks\nZ999,2026-10-05,08:15,12:15,\n");
        InputException e =
                assertThrows(InputException.class, () -> ShiftSchedule.read(file, Set.of("A001")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Z999"));
    }
}
