package fr.joignable.forecasting.staffing;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Intervals;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a forecast CSV ({@code interval_start,queue,channel,offered,aht_s}, RFC 4180 quoting, so a
 * queue name may hold a comma). Columns are found by name; unknown columns (e.g. the quantiles
 * {@code p10,p50,p90}) are ignored. The volume is read from {@code offered} or from the column
 * named by the caller, so a planner can staff on a quantile.
 */
public final class ForecastReader {

    private static final List<String> REQUIRED = List.of("interval_start", "queue", "channel");

    private ForecastReader() {}

    /** Reads {@code file}, taking the volume from {@code offeredColumn}. */
    public static List<ForecastRow> read(Path file, String offeredColumn) {
        List<ForecastRow> rows = new ArrayList<>();
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(skipBom(in))) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new InputException(
                        file + ": empty file, expected header " + StaffingPlan.FORECAST_HEADER);
            }
            List<String> needed = new ArrayList<>(REQUIRED);
            needed.add(offeredColumn);
            needed.add("aht_s");
            for (String c : needed) {
                if (!header.containsKey(c)) {
                    throw new InputException(
                            file
                                    + " line 1: no column "
                                    + c
                                    + " (header must hold "
                                    + StaffingPlan.FORECAST_HEADER
                                    + (offeredColumn.equals("offered")
                                            ? ""
                                            : " and " + offeredColumn)
                                    + ")");
                }
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord r : parser) {
                String at = file + " line " + (r.getRecordNumber() + 1);
                if (!r.isConsistent()) {
                    throw new InputException(
                            at
                                    + ": expected "
                                    + header.size()
                                    + " fields like the header, got "
                                    + r.size());
                }
                ForecastRow row = parse(at, r, offeredColumn);
                if (!seen.add(
                        row.intervalStart() + "\u0000" + row.queue() + "\u0000" + row.channel())) {
                    throw new InputException(
                            at
                                    + ": a second row for "
                                    + row.intervalStart()
                                    + ", queue "
                                    + row.queue()
                                    + ", "
                                    + row.channel());
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file + ": not a valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no forecast rows");
        }
        return rows;
    }

    private static Reader skipBom(Reader in) throws IOException {
        java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
        int c = p.read();
        if (c != -1 && c != '\uFEFF') {
            p.unread(c);
        }
        return p;
    }

    private static ForecastRow parse(String at, CSVRecord r, String offeredColumn) {
        String startText = r.get("interval_start");
        Instant start;
        try {
            start = Instant.parse(startText);
        } catch (DateTimeParseException e) {
            throw new InputException(
                    at
                            + ": field interval_start: '"
                            + startText
                            + "' is not an ISO-8601 UTC instant");
        }
        if (start.toEpochMilli() % Intervals.INTERVAL_MILLIS != 0) {
            throw new InputException(
                    at
                            + ": field interval_start: '"
                            + startText
                            + "' is not on the 15-minute grid");
        }
        String queue = r.get("queue");
        if (queue.isEmpty()) {
            throw new InputException(at + ": field queue: empty");
        }
        String channelText = r.get("channel");
        Channel channel;
        try {
            channel = Channel.valueOf(channelText);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    at
                            + ": field channel: '"
                            + channelText
                            + "' is not PHONE, CHAT, EMAIL, LETTER or PORTAL");
        }
        String offeredText = r.get(offeredColumn);
        double offered = number(at, offeredColumn, offeredText);
        if (offered < 0) {
            throw new InputException(
                    at + ": field " + offeredColumn + ": must be >= 0, got " + offeredText);
        }
        String ahtText = r.get("aht_s");
        double aht;
        if (ahtText.isBlank() && offered == 0) {
            aht = Double.NaN;
        } else {
            aht = number(at, "aht_s", ahtText);
            if (!(aht > 0)) {
                throw new InputException(at + ": field aht_s: must be > 0, got " + ahtText);
            }
        }
        return new ForecastRow(start, queue, channel, offered, aht);
    }

    static double number(String at, String field, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(at + ": field " + field + ": '" + text + "' is not a number");
        }
    }
}
