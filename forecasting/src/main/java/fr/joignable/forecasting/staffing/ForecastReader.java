package fr.joignable.forecasting.staffing;

import fr.joignable.domain.table.ForecastTable;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a forecast CSV through the table's one reader ({@link ForecastTable#read}: columns found by
 * name, RFC 4180 quoting, the volume from {@code offered} or a quantile column) into the planner's
 * rows.
 */
public final class ForecastReader {

    private ForecastReader() {}

    /** Reads {@code file}, taking the volume from {@code offeredColumn}. */
    public static List<ForecastRow> read(Path file, String offeredColumn) {
        List<ForecastRow> rows = new ArrayList<>();
        for (ForecastTable.Row r : ForecastTable.read(file, offeredColumn)) {
            rows.add(
                    new ForecastRow(
                            r.intervalStart(),
                            r.queue(),
                            r.channel(),
                            r.offered(),
                            r.ahtSeconds()));
        }
        return rows;
    }
}
