package fr.joignable.sim;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.ScheduleTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shifts of a schedule file ({@code joignable schedule}'s output, {@code
 * agent_id,date,start,end,breaks}: local dates and {@code HH:MM} times, breaks as {@code
 * HH:MM-HH:MM} separated by {@code ;}), for the simulator to play instead of drawing shifts at
 * random. A shift ending at or before its start ends the next day.
 */
public final class ShiftSchedule {

    /**
     * One agent's shift on one date, local times; an end at or before the start is the next day's.
     */
    public record Shift(LocalTime start, LocalTime end, List<Break> breaks) {
        public Shift {
            breaks = List.copyOf(breaks);
        }
    }

    /** A break of a shift, local times; one starting before the shift's start is the next day's. */
    public record Break(LocalTime start, LocalTime end) {}

    private final Map<String, Map<LocalDate, Shift>> byAgent;

    private ShiftSchedule(Map<String, Map<LocalDate, Shift>> byAgent) {
        this.byAgent = byAgent;
    }

    /** The shift of {@code agentId} on {@code date}, or null (a day off). */
    public Shift shift(String agentId, LocalDate date) {
        Map<LocalDate, Shift> mine = byAgent.get(agentId);
        return mine == null ? null : mine.get(date);
    }

    /** Whether any agent works on {@code date}. */
    public boolean anyOn(LocalDate date) {
        for (Map<LocalDate, Shift> m : byAgent.values()) {
            if (m.containsKey(date)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code file}; every agent must be one of {@code agents} (the simulated roster), and an
     * agent has at most one shift a date.
     */
    public static ShiftSchedule read(Path file, Set<String> agents) {
        Map<String, Map<LocalDate, Shift>> byAgent = new HashMap<>();
        for (ScheduleTable.Shift s : ScheduleTable.read(file)) {
            if (!agents.contains(s.agentId())) {
                throw new InputException(
                        file
                                + " line "
                                + s.line()
                                + ": field agent_id: '"
                                + s.agentId()
                                + "' is not an agent of the simulated roster");
            }
            List<Break> breaks = new ArrayList<>();
            for (ScheduleTable.Break b : s.breaks()) {
                breaks.add(
                        new Break(
                                ScheduleTable.time(b.fromMinute()),
                                ScheduleTable.time(b.toMinute())));
            }
            // 24:00 reads as midnight: an end at or before the start ends the next day
            byAgent.computeIfAbsent(s.agentId(), k -> new HashMap<>())
                    .put(
                            s.date(),
                            new Shift(
                                    ScheduleTable.time(s.startMinute()),
                                    ScheduleTable.time(s.endMinute()),
                                    breaks));
        }
        return new ShiftSchedule(byAgent);
    }
}
