package fr.joignable.inputs;

import fr.joignable.domain.io.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code queue_log} database table exported as CSV (Asterisk's realtime {@code queue_log}, Wazo's
 * {@code queue_log} table): a header naming {@code time,callid,queuename,agent,event} and either
 * {@code data1..data5} or one {@code data} column with the parameters separated by {@code |}.
 * {@code time} is an epoch (seconds or milliseconds) or a date-time; without an offset it is local
 * time in the mapping's zone. The separator ({@code ,} or {@code ;}) is read from the header.
 */
public final class QueueLogCsv {

    private QueueLogCsv() {}

    public static long read(
            BufferedReader in, String file, ZoneId zone, Skips skips, Consumer<QueueLogLine> sink)
            throws IOException {
        in.mark(1 << 16);
        String first = in.readLine();
        if (first == null) {
            return 0;
        }
        in.reset();
        char delimiter = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(delimiter)
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(false)
                        .get();
        try (CSVParser p = CSVParser.parse(in, format)) {
            skips.notData(); // the header
            Map<String, Integer> cols = new HashMap<>();
            p.getHeaderMap().forEach((k, v) -> cols.put(k.strip().toLowerCase(Locale.ROOT), v));
            int time = column(cols, file, "time");
            int callid = column(cols, file, "callid", "call_id", "uniqueid");
            int queue = column(cols, file, "queuename", "queue_name", "queue");
            int agent = column(cols, file, "agent");
            int event = column(cols, file, "event");
            Integer data = cols.get("data");
            List<Integer> datas = new ArrayList<>();
            for (int i = 1; cols.containsKey("data" + i); i++) {
                datas.add(cols.get("data" + i));
            }
            if (data == null && datas.isEmpty()) {
                throw new InputException(
                        file + ": the header has neither a 'data' column nor 'data1'...'data5'");
            }
            long rows = 0;
            try {
                for (CSVRecord r : p) {
                    rows++;
                    SourceRef where = new SourceRef(file, r.getRecordNumber() + 1);
                    if (r.size() < cols.size()) {
                        skips.add(where, "row with fewer columns than the header");
                        continue;
                    }
                    long millis;
                    try {
                        millis = Times.parse(r.get(time), null, zone).toEpochMilli();
                    } catch (IllegalArgumentException e) {
                        skips.add(where, "unreadable time in column 'time'");
                        continue;
                    }
                    List<String> d = new ArrayList<>();
                    if (data != null) {
                        String v = r.get(data);
                        if (!v.isEmpty()) {
                            d.addAll(List.of(v.split("\\|", -1)));
                        }
                    } else {
                        for (int c : datas) {
                            d.add(nullText(r.get(c)));
                        }
                    }
                    int last = d.size();
                    while (last > 0 && d.get(last - 1).isEmpty()) {
                        last--;
                    }
                    sink.accept(
                            new QueueLogLine(
                                    millis,
                                    nullText(r.get(callid)),
                                    nullText(r.get(queue)),
                                    nullText(r.get(agent)),
                                    nullText(r.get(event)),
                                    d.subList(0, last),
                                    where));
                }
            } catch (UncheckedIOException e) {
                throw new InputException(
                        file + ": not readable as CSV: " + Mapping.firstLine(e.getMessage()));
            }
            return rows + 1;
        }
    }

    /** Database exports write SQL NULL as an empty field or {@code \N}. */
    private static String nullText(String v) {
        return v == null || v.equals("\\N") ? "" : v;
    }

    private static int column(Map<String, Integer> cols, String file, String... names) {
        for (String n : names) {
            Integer i = cols.get(n);
            if (i != null) {
                return i;
            }
        }
        throw new InputException(
                file
                        + ": the header has no '"
                        + names[0]
                        + "' column (queue-log-csv needs"
                        + " time,callid,queuename,agent,event and data1..data5 or data)");
    }
}
