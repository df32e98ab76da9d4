package fr.joignable.sim;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The shifts of a schedule file ({@code joignable schedule}'s output, {@code
 * agent_id,date,start,end,breaks}: local dates and {@code HH:MM} times, breaks as {@code
 * HH:MM-HH:MM} separated by {@code ;}), for the simulator to play instead of drawing shifts at
 * random. A shift ending at or before its start ends the next day.
 */
public final class ShiftSchedule {

    /** One agent's shift on one date; {@code breaks}: {@code [start, end]} pairs. */
    public record Shift(LocalTime start, LocalTime end, List<LocalTime[]> breaks) {}

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
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(in)) {
            for (String c : List.of("agent_id", "date", "start", "end")) {
                if (parser.getHeaderMap() == null || !parser.getHeaderMap().containsKey(c)) {
                    throw new InputException(
                            file
                                    + " line 1: no column "
                                    + c
                                    + " (header agent_id,date,start,end,breaks)");
                }
            }
            boolean hasBreaks = parser.getHeaderMap().containsKey("breaks");
            for (CSVRecord r : parser) {
                String at = file + " line " + (r.getRecordNumber() + 1);
                String id = r.get("agent_id");
                if (!agents.contains(id)) {
                    throw new InputException(
                            at
                                    + ": field agent_id: '"
                                    + id
                                    + "' is not an agent of the simulated roster");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(r.get("date"));
                } catch (DateTimeParseException e) {
                    throw new InputException(
                            at + ": field date: '" + r.get("date") + "' is not YYYY-MM-DD");
                }
                LocalTime start = time(at, "start", r.get("start"));
                LocalTime end = time(at, "end", r.get("end"));
                List<LocalTime[]> breaks = new ArrayList<>();
                if (hasBreaks && !r.get("breaks").isBlank()) {
                    for (String b : r.get("breaks").split(";")) {
                        String[] ends = b.strip().split("-");
                        if (ends.length != 2) {
                            throw new InputException(
                                    at + ": field breaks: '" + b + "' is not HH:MM-HH:MM");
                        }
                        breaks.add(
                                new LocalTime[] {
                                    time(at, "breaks", ends[0]), time(at, "breaks", ends[1])
                                });
                    }
                }
                Shift previous =
                        byAgent.computeIfAbsent(id, k -> new HashMap<>())
                                .put(date, new Shift(start, end, List.copyOf(breaks)));
                if (previous != null) {
                    throw new InputException(
                            at + ": agent_id " + id + " has a second shift on " + date);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file + ": not a valid CSV: " + e.getMessage());
        }
        return new ShiftSchedule(byAgent);
    }

    private static LocalTime time(String at, String field, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(at + ": field " + field + ": '" + value + "' is not HH:MM");
        }
    }
}
