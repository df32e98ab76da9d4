package fr.joignable.forecasting.schedule;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import fr.joignable.domain.table.ScheduleTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule file {@code agent_id,date,start,end,breaks} and the coverage file, written
 * atomically.
 */
public final class ScheduleFiles {

    public static final List<String> SCHEDULE_HEADER = ScheduleTable.COLUMNS;

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
        for (ScheduleTable.Shift row : ScheduleTable.read(file)) {
            String where = file + " line " + row.line() + ": ";
            int start = row.startMinute();
            int end = row.endMinute();
            if (end <= start) {
                throw new InputException(
                        where
                                + "end "
                                + ShiftPattern.hhmm(end)
                                + " is not after start "
                                + ShiftPattern.hhmm(start));
            }
            List<int[]> breaks = new ArrayList<>();
            int last = start;
            for (ScheduleTable.Break b : row.breaks()) {
                if (b.fromMinute() < last || b.toMinute() <= b.fromMinute() || b.toMinute() > end) {
                    throw new InputException(
                            where
                                    + "break '"
                                    + ShiftPattern.hhmm(b.fromMinute())
                                    + "-"
                                    + ShiftPattern.hhmm(b.toMinute())
                                    + "' is not inside the shift after the previous break");
                }
                breaks.add(new int[] {b.fromMinute(), b.toMinute()});
                last = b.toMinute();
            }
            shifts.add(
                    new Shift(
                            row.agentId(),
                            row.date(),
                            new ShiftPattern(start, end, breaks, end - start, false)));
        }
        return shifts;
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
