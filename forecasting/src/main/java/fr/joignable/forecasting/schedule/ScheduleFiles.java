package fr.joignable.forecasting.schedule;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.forecasting.training.CsvLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule file {@code agent_id,date,start,end,breaks} and the coverage file, written
 * atomically.
 */
public final class ScheduleFiles {

    public static final List<String> SCHEDULE_HEADER =
            List.of("agent_id", "date", "start", "end", "breaks");

    public static final List<String> COVERAGE_HEADER =
            List.of("interval_start", "pool", "required", "present", "shortfall");

    private ScheduleFiles() {}

    public static void writeSchedule(Path file, List<Shift> shifts) throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    line(w, SCHEDULE_HEADER);
                    for (Shift s : shifts) {
                        List<String> breaks = new ArrayList<>();
                        for (int[] b : s.pattern().breaks()) {
                            breaks.add(ShiftPattern.hhmm(b[0]) + "-" + ShiftPattern.hhmm(b[1]));
                        }
                        line(
                                w,
                                List.of(
                                        s.agentId(),
                                        s.date().toString(),
                                        ShiftPattern.hhmm(s.pattern().start()),
                                        ShiftPattern.hhmm(s.pattern().end()),
                                        String.join(";", breaks)));
                    }
                });
    }

    public static void writeCoverage(Path file, List<ScheduleResult.CoverageRow> rows)
            throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    line(w, COVERAGE_HEADER);
                    for (ScheduleResult.CoverageRow r : rows) {
                        line(
                                w,
                                List.of(
                                        KpiFormat.instant(r.intervalStart()),
                                        r.pool(),
                                        KpiFormat.decimal(round(r.required())),
                                        KpiFormat.decimal(round(r.present())),
                                        KpiFormat.decimal(
                                                round(Math.max(0, r.required() - r.present())))));
                    }
                });
    }

    /**
     * Reads a schedule file: one row per (agent, date), times {@code HH:MM} on that local date,
     * breaks inside the shift, no overlap. Errors name the file, line and value.
     */
    public static List<Shift> readSchedule(Path file) {
        List<Shift> shifts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvLines.Row row : CsvLines.read(file, SCHEDULE_HEADER)) {
            String where = file + " line " + row.line() + ": ";
            List<String> f = row.fields();
            if (f.get(0).isEmpty()) {
                throw new InputException(where + "empty agent_id");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f.get(1));
            } catch (DateTimeParseException e) {
                throw new InputException(where + "date '" + f.get(1) + "' is not YYYY-MM-DD");
            }
            Integer previous = seen.putIfAbsent(f.get(0) + "|" + date, row.line());
            if (previous != null) {
                throw new InputException(
                        where
                                + "a second shift for this agent on "
                                + date
                                + " (first on line "
                                + previous
                                + ")");
            }
            int start = minutes(f.get(2), where, "start");
            int end = minutes(f.get(3), where, "end");
            if (end <= start) {
                throw new InputException(
                        where + "end " + f.get(3) + " is not after start " + f.get(2));
            }
            List<int[]> breaks = new ArrayList<>();
            int unpaid = 0;
            if (!f.get(4).isEmpty()) {
                int last = start;
                for (String range : f.get(4).split(";")) {
                    String[] ends = range.strip().split("-");
                    if (ends.length != 2) {
                        throw new InputException(
                                where + "break '" + range + "' is not HH:MM-HH:MM");
                    }
                    int b0 = minutes(ends[0], where, "break");
                    int b1 = minutes(ends[1], where, "break");
                    if (b0 < last || b1 <= b0 || b1 > end) {
                        throw new InputException(
                                where
                                        + "break '"
                                        + range
                                        + "' is not inside the shift after the previous break");
                    }
                    breaks.add(new int[] {b0, b1});
                    last = b1;
                    unpaid = Math.max(unpaid, b1 - b0);
                }
            }
            shifts.add(
                    new Shift(
                            f.get(0),
                            date,
                            new ShiftPattern(start, end, breaks, end - start, false)));
        }
        return shifts;
    }

    private static int minutes(String text, String where, String field) {
        try {
            LocalTime t = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw new InputException(where + field + " '" + text + "' is not HH:MM");
        }
    }

    private static double round(double x) {
        double r = Math.round(x * 1e4) / 1e4;
        return r == 0 ? 0 : r;
    }

    private static void line(Writer w, List<String> values) throws IOException {
        w.write(KpiFormat.csvLine(values));
        w.write('\n');
    }
}
