package fr.joignable.domain.table;

import fr.joignable.domain.io.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule ({@code schedule.csv}), written by {@code schedule}, read by {@code simulate} and
 * {@code generate --schedule}: one shift per agent and local date, {@code start} and {@code end} as
 * {@code HH:MM} on that date in the opening hours' zone ({@code 24:00} is the end of the day; an
 * end at or before the start is on the next day), {@code breaks} as {@code HH:MM-HH:MM} separated
 * by {@code ;} (the column may be absent). Times are kept as minutes after local midnight, 0–1440.
 */
public final class ScheduleTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER = "agent_id,date,start,end,breaks";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The separator of the breaks inside their field. */
    public static final String BREAK_SEPARATOR = ";";

    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);

    /** A break, minutes after local midnight of the shift's date. */
    public record Break(int fromMinute, int toMinute) {}

    /** One agent's shift on one local date; minutes after that date's local midnight. */
    public record Shift(
            String agentId,
            LocalDate date,
            int startMinute,
            int endMinute,
            List<Break> breaks,
            int line) {

        public Shift {
            breaks = List.copyOf(breaks);
        }
    }

    private ScheduleTable() {}

    /** Whether {@code file}'s header is a schedule's (its first column {@code agent_id}). */
    public static boolean isSchedule(Path file) {
        List<String> header = Csv.read(file).header();
        return !header.isEmpty() && header.get(0).equals("agent_id");
    }

    /**
     * Reads {@code file}: non-empty agent ids, dates {@code YYYY-MM-DD}, times {@code HH:MM} (or
     * {@code 24:00}), at most one shift per agent and date. Errors name the file, line and value.
     */
    public static List<Shift> read(Path file) {
        Csv.Table t = Csv.read(file).require(REQUIRED, "header " + HEADER);
        boolean hasBreaks = t.has("breaks");
        List<Shift> shifts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row r : t.rows()) {
            String at = r.at();
            String id = r.get("agent_id");
            if (id.isEmpty()) {
                throw new InputException(at + ": field agent_id: empty");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(r.get("date"));
            } catch (DateTimeParseException e) {
                throw new InputException(
                        at + ": field date: '" + r.get("date") + "' is not YYYY-MM-DD", e);
            }
            Integer previous = seen.putIfAbsent(id + "|" + date, r.line());
            if (previous != null) {
                throw new InputException(
                        at
                                + ": agent_id "
                                + id
                                + " has a second shift on "
                                + date
                                + " (first on line "
                                + previous
                                + ")");
            }
            int start = minute(at, "start", r.get("start"));
            int end = minute(at, "end", r.get("end"));
            List<Break> breaks = new ArrayList<>();
            String field = hasBreaks ? r.get("breaks") : "";
            if (!field.isBlank()) {
                for (String b : field.split(BREAK_SEPARATOR)) {
                    String[] ends = b.strip().split("-");
                    if (ends.length != 2) {
                        throw new InputException(
                                at + ": field breaks: '" + b + "' is not HH:MM-HH:MM");
                    }
                    breaks.add(
                            new Break(
                                    minute(at, "breaks", ends[0]), minute(at, "breaks", ends[1])));
                }
            }
            shifts.add(new Shift(id, date, start, end, breaks, r.line()));
        }
        return shifts;
    }

    /** The local time of a minute after midnight; 1440 ({@code 24:00}) is midnight. */
    public static LocalTime time(int minute) {
        return LocalTime.ofSecondOfDay((minute % 1440) * 60L);
    }

    /** The instant of {@code minute} after the local midnight of {@code date} in {@code zone}. */
    public static Instant instant(LocalDate date, int minute, ZoneId zone) {
        if (minute == 1440) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return date.atTime(time(minute)).atZone(zone).toInstant();
    }

    /** {@code HH:MM} or {@code H:MM} as minutes after midnight; {@code 24:00} is 1440. */
    static int minute(String at, String field, String text) {
        String t = text.strip();
        if (t.equals("24:00")) {
            return 1440;
        }
        try {
            LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
            return time.getHour() * 60 + time.getMinute();
        } catch (DateTimeParseException e) {
            throw new InputException(at + ": field " + field + ": '" + text + "' is not HH:MM", e);
        }
    }
}
