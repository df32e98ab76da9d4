package fr.joignable.forecasting.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is present when, from a schedule: the seam between {@code schedule} and whatever replays it
 * (the training-gap check, the simulator). An agent is present in a 15-minute interval for the
 * minutes of his shift that are not breaks; {@link #of} gives, per agent, the share of each
 * interval he is present (0 to 1).
 */
public final class Presence {

    private Presence() {}

    /**
     * @param shifts the schedule (e.g. {@link ScheduleFiles#readSchedule})
     * @param intervals interval starts (UTC, 15 minutes each)
     * @param zone the zone of the schedule's dates and times
     * @return per agent id (first-seen order), per interval, the share of it the agent is present
     */
    public static Map<String, double[]> of(
            List<Shift> shifts, List<Instant> intervals, ZoneId zone) {
        Map<LocalDate, Map<String, ShiftPattern>> byDate = new HashMap<>();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Shift s : shifts) {
            byDate.computeIfAbsent(s.date(), k -> new HashMap<>()).put(s.agentId(), s.pattern());
            out.computeIfAbsent(s.agentId(), k -> new double[intervals.size()]);
        }
        for (int i = 0; i < intervals.size(); i++) {
            ZonedDateTime z = intervals.get(i).atZone(zone);
            Map<String, ShiftPattern> today = byDate.get(z.toLocalDate());
            if (today == null) {
                continue;
            }
            int minute = z.getHour() * 60 + z.getMinute();
            for (Map.Entry<String, ShiftPattern> e : today.entrySet()) {
                int worked = e.getValue().workedIn(minute, 15);
                if (worked > 0) {
                    out.get(e.getKey())[i] = worked / 15.0;
                }
            }
        }
        return out;
    }
}
